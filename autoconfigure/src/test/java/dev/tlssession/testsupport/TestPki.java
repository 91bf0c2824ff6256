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

package dev.tlssession.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.tlssession.TlsMaterial;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;

/**
 * Certificates for tests: certificate authorities and the server and client certificates
 * they issue. Every server certificate names the loopback host names of
 * {@code src/test/resources/hosts}.
 */
public final class TestPki {

	/** The host names that resolve to 127.0.0.1 in tests. */
	public static final String[] HOSTS = { "localhost", "api.test", "payments.test", "catalog.test", "other.test",
			"a.catalog.test", "b.catalog.test" };

	private static final TestPki DEFAULT = new TestPki("Test Root CA");

	private final X509Bundle root;

	private final X509Bundle server;

	/**
	 * Creates a new authority and a server certificate issued by it.
	 * @param name the authority's common name
	 */
	public TestPki(String name) {
		try {
			Instant now = Instant.now();
			CertificateBuilder base = new CertificateBuilder().notBefore(now.minus(1, ChronoUnit.DAYS))
				.notAfter(now.plus(30, ChronoUnit.DAYS))
				.ecp256();
			this.root = base.copy().subject("CN=" + name).setIsCertificateAuthority(true).buildSelfSigned();
			CertificateBuilder server = base.copy().subject("CN=localhost").addExtendedKeyUsageServerAuth();
			for (String host : HOSTS) {
				server.addSanDnsName(host);
			}
			this.server = server.addSanIpAddress("127.0.0.1").buildIssuedBy(this.root);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The shared default authority.
	 * @return the authority
	 */
	public static TestPki get() {
		return DEFAULT;
	}

	/**
	 * A cache's TLS configuration that trusts this authority, with the provider's
	 * protocols and ciphers.
	 * @return the material
	 */
	public TlsMaterial trust() {
		return new TlsMaterial(null, this.root.toTrustManagerFactory(), null, null);
	}

	public X509Bundle root() {
		return this.root;
	}

	public X509Bundle server() {
		return this.server;
	}

	/**
	 * Issues a client certificate.
	 * @param commonName the subject's common name
	 * @return the certificate and key
	 */
	public X509Bundle client(String commonName) {
		try {
			Instant now = Instant.now();
			return new CertificateBuilder().notBefore(now.minus(1, ChronoUnit.DAYS))
				.notAfter(now.plus(30, ChronoUnit.DAYS))
				.ecp256()
				.subject("CN=" + commonName)
				.addExtendedKeyUsageClientAuth()
				.buildIssuedBy(this.root);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes the authority's certificate as PEM.
	 * @param directory where to write
	 * @return the file
	 */
	public Path writeRootPem(Path directory) {
		return write(directory.resolve("root.pem"), this.root.getCertificatePEM());
	}

	/**
	 * Writes the server certificate chain and key as PEM.
	 * @param directory where to write
	 * @return the certificate file; the key is next to it as {@code server.key}
	 */
	public Path writeServerPem(Path directory) {
		write(directory.resolve("server.key"), this.server.getPrivateKeyPEM());
		return write(directory.resolve("server.pem"), this.server.getCertificatePathPEM());
	}

	private static Path write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			return Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
