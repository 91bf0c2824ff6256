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
