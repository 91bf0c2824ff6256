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

package dev.tlssession.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.tlssession.EvictionCause;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TestCertificateAuthority;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.test.UpstreamHandshake;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import dev.tlssession.testsupport.Waits;
import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cache whose SSL bundle reloads is rebuilt and flushed: with a rotated client
 * certificate, the server sees the new certificate on the very next connection and never
 * a resumption of a session made with the old one.
 */
class BundleReloadTests {

	@TempDir
	Path pem;

	@ParameterizedTest
	@ValueSource(strings = { "openssl", "jdk" })
	void aReloadedClientCertificateIsUsedOnTheNextConnection(String provider) throws Exception {
		TestCertificateAuthority pki = TestPki.get();
		X509Bundle first = pki.client("first");
		X509Bundle second = pki.client("second");
		writeClient(first);
		Path root = pki.writeRootPem(this.pem);
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13, pki.server(), pki.root(), false)) {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
						ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
						TlsSessionAutoConfiguration.class))
				.withBean(ClientHttpConnectorBuilderCustomizer.class, LoopbackResolver::customizer)
				.withPropertyValues("tls.session.provider=" + provider,
						"spring.ssl.bundle.pem.client.keystore.certificate=file:" + this.pem.resolve("client.pem"),
						"spring.ssl.bundle.pem.client.keystore.private-key=file:" + this.pem.resolve("client.key"),
						"spring.ssl.bundle.pem.client.truststore.certificate=file:" + root,
						"spring.ssl.bundle.pem.client.reload-on-update=true",
						"spring.ssl.bundle.watch.file.quiet-period=50ms",
						"tls.session.caches.default.ssl-bundle=client", "spring.reactor.netty.shutdown-quiet-period=0s")
				.run((context) -> {
					WebClient client = context.getBean(WebClient.Builder.class).build();
					get(client, server);
					get(client, server);
					assertThat(server.handshakes()).extracting(UpstreamHandshake::clientSubject)
						.containsOnly("CN=first");
					assertThat(server.resumed()).isEqualTo(1);
					writeClient(second);
					TlsSessionCaches caches = context.getBean(TlsSessionCaches.class);
					Waits.until("the bundle reloaded and the cache was flushed",
							() -> caches.get("default").stats().evictions(EvictionCause.FLUSHED) > 0);
					server.resetCounts();
					get(client, server);
					get(client, server);
					assertThat(server.handshakes()).extracting(UpstreamHandshake::clientSubject)
						.containsOnly("CN=second");
					assertThat(server.handshakes()).extracting(UpstreamHandshake::resumed).containsExactly(false, true);
				});
		}
	}

	private void writeClient(X509Bundle client) throws IOException {
		// the key first: the watcher reloads once both files are in place
		Files.writeString(this.pem.resolve("client.key"), client.getPrivateKeyPEM());
		Files.writeString(this.pem.resolve("client.pem"), client.getCertificatePathPEM());
	}

	private static void get(WebClient client, TlsUpstream server) {
		assertThat(client.get()
			.uri(server.url("localhost"))
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10))).isEqualTo("ok");
	}

}
