package dev.tlssession;

import javax.net.ssl.SSLException;

import dev.tlssession.jdk.JdkTlsSessionCache;
import dev.tlssession.openssl.OpenSslTlsSessionCache;

/**
 * The two cache implementations, so that one parameterized test covers both providers.
 */
enum CacheProvider {

	/** {@link OpenSslTlsSessionCache}: BoringSSL through netty-tcnative. */
	OPENSSL {

		@Override
		TlsSessionCache create(String name, TlsSessionCacheSettings settings, TlsMaterial material)
				throws SSLException {
			return new OpenSslTlsSessionCache(name, settings, material);
		}

	},

	/** {@link JdkTlsSessionCache}: SunJSSE. */
	JDK {

		@Override
		TlsSessionCache create(String name, TlsSessionCacheSettings settings, TlsMaterial material)
				throws SSLException {
			return new JdkTlsSessionCache(name, settings, material);
		}

	};

	abstract TlsSessionCache create(String name, TlsSessionCacheSettings settings, TlsMaterial material)
			throws SSLException;

}
