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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import javax.net.ssl.TrustManagerFactory;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;

import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * A certificate authority made in memory when it is created, with a server certificate it
 * issued for {@code localhost}, {@code 127.0.0.1} and any other host names given, and
 * client certificates on demand. Nothing is read from or written to disk unless asked
 * ({@link #writeRootPem(Path)}, {@link #writeServerPem(Path)}), and the certificates are
 * valid from a day ago for 30 days.
 * <p>
 * A Spring Boot application trusts it through an SSL bundle:
 * {@link TlsUpstreamExtension#registerSslBundle} adds one to a test's environment in one
 * line, {@link #sslBundlePropertyValues(String)} gives its properties to an
 * {@code ApplicationContextRunner}, and {@link #sslBundleRegistrar(String)} registers it
 * from a bean.
 *
 * @since 0.1.0
 * @see TlsUpstream
 */
public final class TestCertificateAuthority {

	private static final String PASSWORD = "tls-session-test";

	private static volatile TestCertificateAuthority shared;

	private final String name;

	private final KeyType keyType;

	private final List<String> serverNames;

	private final X509Bundle root;

	private final X509Bundle server;

	private TestCertificateAuthority(String name, KeyType keyType, String... hostNames) {
		this.name = name;
		this.keyType = keyType;
		List<String> names = new ArrayList<>(List.of("localhost"));
		for (String hostName : hostNames) {
			if (!names.contains(hostName)) {
				names.add(hostName);
			}
		}
		this.serverNames = List.copyOf(names);
		try {
			this.root = base().subject("CN=" + name).setIsCertificateAuthority(true).buildSelfSigned();
			CertificateBuilder server = base().subject("CN=localhost").addExtendedKeyUsageServerAuth();
			for (String serverName : this.serverNames) {
				server.addSanDnsName(serverName);
			}
			this.server = server.addSanIpAddress("127.0.0.1").buildIssuedBy(this.root);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot make the certificates of '" + name + "'", ex);
		}
	}

	/**
	 * Makes an authority with ECDSA P-256 keys.
	 * @param name the authority's common name
	 * @param serverNames host names its server certificate names besides
	 * {@code localhost} and {@code 127.0.0.1}
	 * @return the authority
	 */
	public static TestCertificateAuthority create(String name, String... serverNames) {
		return new TestCertificateAuthority(name, KeyType.EC_P256, serverNames);
	}

	/**
	 * Makes an authority.
	 * @param name the authority's common name
	 * @param keyType the type of its keys and of the keys of the certificates it issues
	 * @param serverNames host names its server certificate names besides
	 * {@code localhost} and {@code 127.0.0.1}
	 * @return the authority
	 */
	public static TestCertificateAuthority create(String name, KeyType keyType, String... serverNames) {
		return new TestCertificateAuthority(name, keyType, serverNames);
	}

	/**
	 * The authority this JVM's upstreams use unless told otherwise, made on first use:
	 * ECDSA P-256, a server certificate for {@code localhost} and {@code 127.0.0.1}.
	 * @return the shared authority
	 */
	public static TestCertificateAuthority shared() {
		TestCertificateAuthority authority = shared;
		if (authority == null) {
			synchronized (TestCertificateAuthority.class) {
				authority = shared;
				if (authority == null) {
					authority = create("TLS Session Test CA");
					shared = authority;
				}
			}
		}
		return authority;
	}

	private CertificateBuilder base() {
		Instant now = Instant.now();
		return this.keyType.algorithm.apply(new CertificateBuilder().notBefore(now.minus(1, ChronoUnit.DAYS))
			.notAfter(now.plus(30, ChronoUnit.DAYS)));
	}

	/**
	 * The authority's common name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The type of the authority's keys.
	 * @return the key type
	 */
	public KeyType keyType() {
		return this.keyType;
	}

	/**
	 * The host names the server certificate names ({@code localhost} first); it also
	 * names {@code 127.0.0.1}.
	 * @return the host names
	 */
	public List<String> serverNames() {
		return this.serverNames;
	}

	/**
	 * The authority's self-signed certificate and key.
	 * @return the root
	 */
	public X509Bundle root() {
		return this.root;
	}

	/**
	 * The server certificate the authority issued, with its key and chain.
	 * @return the server certificate
	 */
	public X509Bundle server() {
		return this.server;
	}

	/**
	 * Issues a client certificate.
	 * @param commonName the subject's common name
	 * @return the certificate, its key and chain
	 */
	public X509Bundle client(String commonName) {
		try {
			return base().subject("CN=" + commonName).addExtendedKeyUsageClientAuth().buildIssuedBy(this.root);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot issue a client certificate for '" + commonName + "'", ex);
		}
	}

	/**
	 * A trust manager factory that trusts this authority only.
	 * @return a new factory
	 */
	public TrustManagerFactory trustManagerFactory() {
		return this.root.toTrustManagerFactory();
	}

	/**
	 * A PKCS#12 key store (no password) with the authority's certificate as its one
	 * trusted entry.
	 * @return a new trust store
	 */
	public KeyStore trustStore() {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setCertificateEntry(this.name, this.root.getCertificate());
			return store;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot make a trust store for '" + this.name + "'", ex);
		}
	}

	/**
	 * An SSL bundle that trusts this authority.
	 * @return the bundle
	 */
	public SslBundle trustBundle() {
		return SslBundle.of(SslStoreBundle.of(null, null, trustStore()));
	}

	/**
	 * An SSL bundle that trusts this authority and presents a client certificate.
	 * @param client the client certificate, one of {@link #client(String)}
	 * @return the bundle
	 */
	public SslBundle clientBundle(X509Bundle client) {
		try {
			return SslBundle.of(SslStoreBundle.of(client.toKeyStore(PASSWORD.toCharArray()), PASSWORD, trustStore()),
					SslBundleKey.of(PASSWORD));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot make a client SSL bundle for '" + this.name + "'", ex);
		}
	}

	/**
	 * Registers an SSL bundle that trusts this authority, for a Spring Boot application:
	 * a bean of this type is applied by Spring Boot's SSL auto-configuration.
	 * @param bundle the bundle's name
	 * @return the registrar
	 */
	public SslBundleRegistrar sslBundleRegistrar(String bundle) {
		return (registry) -> registry.registerBundle(bundle, trustBundle());
	}

	/**
	 * The properties of a PEM SSL bundle that trusts this authority, with the certificate
	 * inline: {@code spring.ssl.bundle.pem.<bundle>.truststore.certificate}.
	 * @param bundle the bundle's name
	 * @return the properties by name
	 */
	public Map<String, String> sslBundleProperties(String bundle) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.ssl.bundle.pem." + bundle + ".truststore.certificate", this.root.getCertificatePEM());
		return properties;
	}

	/**
	 * The properties of {@link #sslBundleProperties(String)} as {@code name=value} pairs,
	 * for {@code ApplicationContextRunner.withPropertyValues(...)}.
	 * @param bundle the bundle's name
	 * @return the pairs
	 */
	public String[] sslBundlePropertyValues(String bundle) {
		return sslBundleProperties(bundle).entrySet()
			.stream()
			.map((property) -> property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
	}

	/**
	 * Writes the authority's certificate as PEM.
	 * @param directory where to write
	 * @return the file, {@code root.pem}
	 */
	public Path writeRootPem(Path directory) {
		return write(directory.resolve("root.pem"), this.root.getCertificatePEM());
	}

	/**
	 * Writes the server certificate chain and its key as PEM, as nginx and
	 * {@code openssl s_server} read them.
	 * @param directory where to write
	 * @return the certificate file, {@code server.pem}; the key is next to it as
	 * {@code server.key}
	 */
	public Path writeServerPem(Path directory) {
		write(directory.resolve("server.key"), this.server.getPrivateKeyPEM());
		return write(directory.resolve("server.pem"), this.server.getCertificatePathPEM());
	}

	private static Path write(Path file, String content) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			return Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return "TestCertificateAuthority[" + this.name + ", " + this.keyType + "]";
	}

	/**
	 * The type of an authority's keys.
	 */
	public enum KeyType {

		/**
		 * ECDSA on the P-256 curve.
		 */
		EC_P256(CertificateBuilder::ecp256),

		/**
		 * RSA with 2048-bit keys.
		 */
		RSA_2048(CertificateBuilder::rsa2048);

		private final UnaryOperator<CertificateBuilder> algorithm;

		KeyType(UnaryOperator<CertificateBuilder> algorithm) {
			this.algorithm = algorithm;
		}

	}

}
