package dev.tlssession;

import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

import dev.tlssession.jdk.JdkTlsSessionCache;
import dev.tlssession.openssl.OpenSslTlsSessionCache;
import dev.tlssession.test.ResumptionMode;
import org.junit.jupiter.params.provider.Arguments;

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

	/**
	 * Every provider with every server mode, for {@code @MethodSource}.
	 * @return the arguments
	 */
	static List<Arguments> withEveryMode() {
		List<Arguments> arguments = new ArrayList<>();
		for (CacheProvider provider : values()) {
			for (ResumptionMode mode : ResumptionMode.values()) {
				arguments.add(Arguments.of(provider, mode));
			}
		}
		return arguments;
	}

	abstract TlsSessionCache create(String name, TlsSessionCacheSettings settings, TlsMaterial material)
			throws SSLException;

}
