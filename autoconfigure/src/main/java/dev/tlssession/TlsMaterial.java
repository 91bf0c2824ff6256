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

package dev.tlssession;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import io.netty.handler.ssl.SslContextBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The TLS configuration of one cache: whom to trust, which identity to present, and which
 * protocols and cipher suites to enable. Every session a cache holds was authenticated
 * with exactly this configuration.
 *
 * @param keyManagerFactory the client identity, or {@code null} for none
 * @param trustManagerFactory the trust anchors, or {@code null} for the JVM's default
 * trust
 * @param protocols the enabled protocols, or {@code null} for the provider's defaults
 * @param ciphers the enabled cipher suites, or {@code null} for the provider's defaults
 * @since 0.1.0
 */
public record TlsMaterial(@Nullable KeyManagerFactory keyManagerFactory,
		@Nullable TrustManagerFactory trustManagerFactory, @Nullable List<String> protocols,
		@Nullable List<String> ciphers) {

	/**
	 * The JVM's default trust, no client identity, the provider's protocols and ciphers.
	 */
	public static final TlsMaterial JVM_DEFAULT = new TlsMaterial(null, null, null, null);

	/**
	 * Copies the lists.
	 * @param keyManagerFactory the client identity
	 * @param trustManagerFactory the trust anchors
	 * @param protocols the enabled protocols
	 * @param ciphers the enabled cipher suites
	 */
	public TlsMaterial {
		protocols = (protocols != null) ? List.copyOf(protocols) : null;
		ciphers = (ciphers != null) ? List.copyOf(ciphers) : null;
	}

	/**
	 * The X.509 trust manager to verify servers with.
	 * @return the trust manager
	 */
	public X509ExtendedTrustManager trustManager() {
		try {
			TrustManagerFactory factory = this.trustManagerFactory;
			if (factory == null) {
				factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				factory.init((KeyStore) null);
			}
			for (TrustManager manager : factory.getTrustManagers()) {
				if (manager instanceof X509ExtendedTrustManager x509) {
					return x509;
				}
			}
			throw new IllegalStateException("No X509ExtendedTrustManager in " + factory.getAlgorithm());
		}
		catch (NoSuchAlgorithmException | KeyStoreException ex) {
			throw new IllegalStateException("The JVM's default trust cannot be loaded", ex);
		}
	}

	/**
	 * A client builder with this configuration and the given trust manager.
	 * @param trustManager the trust manager, usually {@link #trustManager()} or a wrapper
	 * of it
	 * @return the builder
	 */
	public SslContextBuilder clientBuilder(TrustManager trustManager) {
		SslContextBuilder builder = SslContextBuilder.forClient().trustManager(trustManager);
		if (this.keyManagerFactory != null) {
			builder.keyManager(this.keyManagerFactory);
		}
		if (this.protocols != null) {
			builder.protocols(this.protocols);
		}
		if (this.ciphers != null) {
			builder.ciphers(this.ciphers);
		}
		return builder;
	}

}
