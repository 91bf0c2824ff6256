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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The TLS key-exchange groups a cache can be restricted to, by their IANA names (as the
 * JDK names them), with the OpenSSL spellings accepted too: {@code x25519}
 * ({@code X25519}), {@code secp256r1} ({@code P-256}, {@code prime256v1}),
 * {@code secp384r1} ({@code P-384}), {@code secp521r1} ({@code P-521}), {@code x448},
 * {@code X25519MLKEM768} (the post-quantum hybrid), {@code ffdhe2048} to
 * {@code ffdhe8192}. Names are matched without regard to case.
 *
 * @since 0.1.0
 */
public final class KeyExchangeGroups {

	/**
	 * Each group's name, and its name in BoringSSL ({@code null} when BoringSSL does not
	 * offer it).
	 */
	private static final Map<String, @Nullable String> BORINGSSL_NAMES = new LinkedHashMap<>();

	/** Every accepted spelling, lower case, to the group's name. */
	private static final Map<String, String> SPELLINGS = new LinkedHashMap<>();

	static {
		group("x25519", "X25519", "X25519");
		group("secp256r1", "P-256", "P-256", "prime256v1");
		group("secp384r1", "P-384", "P-384");
		group("secp521r1", "P-521", "P-521");
		group("X25519MLKEM768", "X25519MLKEM768");
		group("x448", null);
		for (String ffdhe : List.of("ffdhe2048", "ffdhe3072", "ffdhe4096", "ffdhe6144", "ffdhe8192")) {
			group(ffdhe, null);
		}
	}

	private KeyExchangeGroups() {
	}

	private static void group(String name, @Nullable String boringSsl, String... aliases) {
		BORINGSSL_NAMES.put(name, boringSsl);
		SPELLINGS.put(name.toLowerCase(Locale.ROOT), name);
		for (String alias : aliases) {
			SPELLINGS.put(alias.toLowerCase(Locale.ROOT), name);
		}
	}

	/**
	 * Every group's name.
	 * @return the names, in a stable order
	 */
	public static List<String> names() {
		return List.copyOf(BORINGSSL_NAMES.keySet());
	}

	/**
	 * A group's name for the way it was written.
	 * @param spelling the group as configured
	 * @return its name, or {@code null} if no group is spelled so
	 */
	public static @Nullable String name(@Nullable String spelling) {
		return (spelling != null) ? SPELLINGS.get(spelling.trim().toLowerCase(Locale.ROOT)) : null;
	}

	/**
	 * A group's name in BoringSSL.
	 * @param name the group's name
	 * @return the name in BoringSSL, or {@code null} when BoringSSL does not offer it
	 */
	public static @Nullable String boringSslName(String name) {
		return BORINGSSL_NAMES.get(name);
	}

}
