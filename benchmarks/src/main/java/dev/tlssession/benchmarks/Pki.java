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

package dev.tlssession.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;

import javax.net.ssl.TrustManagerFactory;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;

/**
 * The benchmark's certificates, made at start-up: an ECDSA P-256 and an RSA-2048
 * authority, each issuing a server certificate for {@code localhost} and 127.0.0.1; PEM
 * files for nginx, s_server and the Spring Boot SSL bundle, and a PKCS#12 trust store
 * that the JVM's default trust reads (configuration (a) has no SSL bundle).
 */
final class Pki {

	/** The server key type. */
	enum Cert {

		EC("ECDSA P-256", CertificateBuilder::ecp256), RSA("RSA-2048", CertificateBuilder::rsa2048);

		final String label;

		final UnaryOperator<CertificateBuilder> algorithm;

		Cert(String label, UnaryOperator<CertificateBuilder> algorithm) {
			this.label = label;
			this.algorithm = algorithm;
		}

	}

	private final Path directory;

	private final X509Bundle ecRoot;

	private final X509Bundle ecServer;

	private final X509Bundle rsaRoot;

	private final X509Bundle rsaServer;

	Pki(Path directory) {
		this.directory = directory;
		try {
			this.ecRoot = root(Cert.EC);
			this.ecServer = server(Cert.EC, this.ecRoot);
			this.rsaRoot = root(Cert.RSA);
			this.rsaServer = server(Cert.RSA, this.rsaRoot);
			Files.createDirectories(directory);
			write("roots.pem", this.ecRoot.getCertificatePEM() + this.rsaRoot.getCertificatePEM());
			for (Cert cert : Cert.values()) {
				String name = cert.name().toLowerCase();
				write(name + "-server.pem", server(cert).getCertificatePathPEM());
				write(name + "-server.key", server(cert).getPrivateKeyPEM());
			}
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			trust.setCertificateEntry("bench-ec-root", this.ecRoot.getCertificate());
			trust.setCertificateEntry("bench-rsa-root", this.rsaRoot.getCertificate());
			try (OutputStream out = Files.newOutputStream(trustStore())) {
				trust.store(out, "changeit".toCharArray());
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Benchmark certificates cannot be made", ex);
		}
	}

	private static CertificateBuilder base(Cert cert) {
		Instant now = Instant.now();
		return cert.algorithm.apply(new CertificateBuilder().notBefore(now.minus(1, ChronoUnit.DAYS))
			.notAfter(now.plus(7, ChronoUnit.DAYS)));
	}

	private static X509Bundle root(Cert cert) throws Exception {
		return base(cert).subject("CN=Benchmark " + cert.name() + " Root")
			.setIsCertificateAuthority(true)
			.buildSelfSigned();
	}

	private static X509Bundle server(Cert cert, X509Bundle root) throws Exception {
		return base(cert).subject("CN=localhost")
			.addExtendedKeyUsageServerAuth()
			.addSanDnsName("localhost")
			.addSanIpAddress("127.0.0.1")
			.buildIssuedBy(root);
	}

	private void write(String name, String content) {
		try {
			Files.writeString(this.directory.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	X509Bundle server(Cert cert) {
		return (cert == Cert.EC) ? this.ecServer : this.rsaServer;
	}

	Path serverPem(Cert cert) {
		return this.directory.resolve(cert.name().toLowerCase() + "-server.pem");
	}

	Path serverKey(Cert cert) {
		return this.directory.resolve(cert.name().toLowerCase() + "-server.key");
	}

	/** Both authorities, for the Spring Boot PEM bundle. */
	Path rootsPem() {
		return this.directory.resolve("roots.pem");
	}

	Path trustStore() {
		return this.directory.resolve("truststore.p12");
	}

	/** A trust manager factory that trusts both authorities. */
	TrustManagerFactory trust() {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setCertificateEntry("ec", this.ecRoot.getCertificate());
			store.setCertificateEntry("rsa", this.rsaRoot.getCertificate());
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(store);
			return factory;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
