/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.tlssession.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import dev.tlssession.test.TestCertificateAuthority.KeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TestCertificateAuthority}.
 */
class TestCertificateAuthorityTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void serverCertificateNamesLocalhostLoopbackAndTheGivenNames() throws Exception {
		TestCertificateAuthority authority = TestCertificateAuthority.create("Names CA", "api.test");
		X509Certificate server = authority.server().getCertificate();
		assertThat(authority.serverNames()).containsExactly("localhost", "api.test");
		assertThat(server.getSubjectAlternativeNames().stream().map((name) -> name.get(1).toString()))
			.containsExactly("localhost", "api.test", "127.0.0.1");
		assertThat(server.getIssuerX500Principal().getName()).isEqualTo("CN=Names CA");
		assertThat(authority.server().getCertificatePathWithRoot()).hasSize(2);
	}

	@Test
	void issuesRsaCertificatesWhenAsked() {
		TestCertificateAuthority authority = TestCertificateAuthority.create("RSA CA", KeyType.RSA_2048);
		assertThat(authority.keyType()).isEqualTo(KeyType.RSA_2048);
		assertThat(authority.server().getKeyPair().getPublic().getAlgorithm()).isEqualTo("RSA");
		assertThat(authority.client("c").getKeyPair().getPublic().getAlgorithm()).isEqualTo("RSA");
	}

	@Test
	void sharedAuthorityIsMadeOnce() {
		assertThat(TestCertificateAuthority.shared()).isSameAs(TestCertificateAuthority.shared());
	}

	@Test
	void clientCertificatesAreIssuedByTheAuthority() throws Exception {
		TestCertificateAuthority authority = TestCertificateAuthority.create("Client CA");
		X509Certificate client = authority.client("orders").getCertificate();
		assertThat(client.getSubjectX500Principal().getName()).isEqualTo("CN=orders");
		client.verify(authority.root().getCertificate().getPublicKey());
		assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
	}

	@Test
	void sslBundlePropertiesMakeABundleThatTrustsTheAuthority() {
		TestCertificateAuthority authority = TestCertificateAuthority.create("Bundle CA");
		this.contextRunner.withPropertyValues(authority.sslBundlePropertyValues("upstream"))
			.run((context) -> assertThat(trusted(context.getBean(SslBundles.class).getBundle("upstream")))
				.containsExactly(authority.root().getCertificate()));
	}

	@Test
	void sslBundleRegistrarRegistersABundleThatTrustsTheAuthority() {
		TestCertificateAuthority authority = TestCertificateAuthority.create("Registrar CA");
		this.contextRunner.withBean(SslBundleRegistrar.class, () -> authority.sslBundleRegistrar("upstream"))
			.run((context) -> assertThat(trusted(context.getBean(SslBundles.class).getBundle("upstream")))
				.containsExactly(authority.root().getCertificate()));
	}

	@Test
	void clientBundleTrustsTheAuthorityAndPresentsTheClientCertificate() throws Exception {
		TestCertificateAuthority authority = TestCertificateAuthority.create("Client bundle CA");
		SslBundle bundle = authority.clientBundle(authority.client("orders"));
		assertThat(trusted(bundle)).containsExactly(authority.root().getCertificate());
		assertThat(bundle.getManagers().getKeyManagers()).isNotEmpty();
	}

	@Test
	void writesPemFilesForServersThatReadThem() throws Exception {
		TestCertificateAuthority authority = TestCertificateAuthority.create("PEM CA");
		Path root = authority.writeRootPem(this.directory);
		Path server = authority.writeServerPem(this.directory);
		assertThat(Files.readString(root)).isEqualTo(authority.root().getCertificatePEM());
		assertThat(Files.readString(server)).isEqualTo(authority.server().getCertificatePathPEM());
		assertThat(this.directory.resolve("server.key")).content().startsWith("-----BEGIN PRIVATE KEY-----");
	}

	private static List<X509Certificate> trusted(SslBundle bundle) {
		return List
			.of(((javax.net.ssl.X509TrustManager) bundle.getManagers().getTrustManagers()[0]).getAcceptedIssuers());
	}

}
