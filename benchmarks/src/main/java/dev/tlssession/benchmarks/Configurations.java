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

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configurations the report compares, as data: their letters, descriptions and the
 * headline's rows and cells.
 */
final class Configurations {

	static final String SEQ_12 = "netty/ec/TLSv1.2/1";

	static final String SEQ_13 = "netty/ec/TLSv1.3/1";

	static final Map<String, String> LETTERS = new LinkedHashMap<>();

	static {
		LETTERS.put("boot", "(a)");
		LETTERS.put("boot-bundle", "(b)");
		LETTERS.put("boot-bundle+starter", "(b+)");
		LETTERS.put("no-resumption", "(c)");
		LETTERS.put("starter-openssl", "(d)");
		LETTERS.put("starter-openssl-4", "(d4)");
		LETTERS.put("starter-openssl-x25519", "(dx)");
		LETTERS.put("starter-jdk", "(e)");
		LETTERS.put("starter-jdk-1", "(e1)");
		LETTERS.put("starter-jdk-x25519", "(ex)");
		LETTERS.put("raw-netty", "(f)");
		LETTERS.put("boot-jdk", "(fj)");
		LETTERS.put(GatewayWorkload.WITHOUT, "(g)");
		LETTERS.put(GatewayWorkload.WITH, "(g+)");
		LETTERS.put(GatewayWorkload.FLOOR, "(g0)");
	}

	/** The configurations of the headline table and chart. */
	static final List<String> HEADLINE = List.of("boot", "boot-bundle", "boot-bundle+starter", "no-resumption",
			"starter-openssl", "starter-jdk", "raw-netty", "boot-jdk");

	static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

	static {
		DESCRIPTIONS.put("boot", "plain Boot WebClient, no SSL bundle (Reactor Netty's default context)");
		DESCRIPTIONS.put("boot-bundle", "plain Boot, `fromBundle` WebClient built per request");
		DESCRIPTIONS.put("boot-bundle+starter", "the same per-request `fromBundle` code with the starter");
		DESCRIPTIONS.put("no-resumption", "starter, `reuse=false` (floor)");
		DESCRIPTIONS.put("starter-openssl", "starter, provider openssl, default settings");
		DESCRIPTIONS.put("starter-openssl-4", "(d) with `max-sessions-per-host=4`: the per-host depth of the "
				+ "previous default (4, fixed) in the same run");
		DESCRIPTIONS.put("starter-openssl-x25519", "(d) with `key-exchange-groups=x25519,secp256r1`");
		DESCRIPTIONS.put("starter-jdk", "starter, provider jdk, default settings (ticket lanes)");
		DESCRIPTIONS.put("starter-jdk-1", "(e) with `max-sessions-per-host=1`: one lane per upstream, the JDK's own "
				+ "cache as the starter used it before lanes, in the same run");
		DESCRIPTIONS.put("starter-jdk-x25519", "(e) with `key-exchange-groups=x25519` (Java 20+)");
		DESCRIPTIONS.put("raw-netty", "raw Reactor Netty, one shared BoringSSL context (the ceiling)");
		DESCRIPTIONS.put("boot-jdk", "plain Boot where netty-tcnative is absent: Reactor Netty's default HTTP/1.1 "
				+ "client context on the JDK, shared (the jdk provider's ceiling, and what the starter replaces "
				+ "there)");
	}

	private Configurations() {
	}

	/**
	 * Configurations in the order of their letters, those without one last.
	 * @param configs the configurations
	 * @return them, sorted
	 */
	static List<String> inLetterOrder(Collection<String> configs) {
		List<String> sorted = new ArrayList<>();
		for (String config : LETTERS.keySet()) {
			if (configs.contains(config)) {
				sorted.add(config);
			}
		}
		for (String config : configs) {
			if (!sorted.contains(config)) {
				sorted.add(config);
			}
		}
		return sorted;
	}

}
