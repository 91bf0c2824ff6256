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

import javax.net.ssl.TrustManagerFactory;

import dev.tlssession.test.TestCertificateAuthority;
import dev.tlssession.test.TestCertificateAuthority.KeyType;

/**
 * The benchmark's certificates, made at start-up by the test kit: an ECDSA P-256 and an
 * RSA-2048 authority, each issuing a server certificate for {@code localhost} and
 * 127.0.0.1 (the servers write them where they need them); a PEM file of both authorities
 * for the Spring Boot SSL bundle, and a PKCS#12 trust store that the JVM's default trust
 * reads (configuration (a) has no SSL bundle).
 */
final class Pki {

	/** The server key type. */
	enum Cert {

		EC(KeyType.EC_P256), RSA(KeyType.RSA_2048);

		final KeyType keyType;

		Cert(KeyType keyType) {
			this.keyType = keyType;
		}

	}

	private final Path directory;

	private final TestCertificateAuthority ec = TestCertificateAuthority.create("Benchmark EC Root", KeyType.EC_P256);

	private final TestCertificateAuthority rsa = TestCertificateAuthority.create("Benchmark RSA Root",
			KeyType.RSA_2048);

	Pki(Path directory) {
		this.directory = directory;
		try {
			Files.createDirectories(directory);
			write("roots.pem", this.ec.root().getCertificatePEM() + this.rsa.root().getCertificatePEM());
			try (OutputStream out = Files.newOutputStream(trustStore())) {
				trust().store(out, "changeit".toCharArray());
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Benchmark certificates cannot be made", ex);
		}
	}

	private void write(String name, String content) {
		try {
			Files.writeString(this.directory.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Both authorities in one trust store. */
	private KeyStore trust() throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setCertificateEntry("bench-ec-root", this.ec.root().getCertificate());
		store.setCertificateEntry("bench-rsa-root", this.rsa.root().getCertificate());
		return store;
	}

	TestCertificateAuthority authority(Cert cert) {
		return (cert == Cert.EC) ? this.ec : this.rsa;
	}

	/** Both authorities, for the Spring Boot PEM bundle. */
	Path rootsPem() {
		return this.directory.resolve("roots.pem");
	}

	Path trustStore() {
		return this.directory.resolve("truststore.p12");
	}

	/** A trust manager factory that trusts both authorities. */
	TrustManagerFactory trustManagerFactory() {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trust());
			return factory;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
