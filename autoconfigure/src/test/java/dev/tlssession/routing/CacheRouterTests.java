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

package dev.tlssession.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The router picks the cache of the most specific matching host rule as the README
 * promises (exact host before wildcard, longer domain before shorter, with port before
 * without), sends everything else to the fallback cache, and routes a fully qualified
 * host name ({@code api.example.com.}) like the same name without its trailing dot.
 */
class CacheRouterTests {

	private static final Cache FALLBACK = new Cache("fallback");

	/**
	 * Overlapping rules, one cache each, so that the cache picked names the rule that
	 * won.
	 */
	private final CacheRouter<Cache> router = router(Map.of("exact", "api.example.com", "exact-8443",
			"api.example.com:8443", "wildcard", "*.example.com", "wildcard-8443", "*.example.com:8443",
			"longer-wildcard", "*.eu.example.com", "other", "other.test"));

	@ParameterizedTest(name = "{0}:{1} -> {2}")
	@CsvSource({
			// an exact rule beats every wildcard, whatever the port; with its port it
			// beats itself without one
			"api.example.com, 443, exact", "api.example.com, 8443, exact-8443",
			// a wildcard matches hosts below the domain, the one with the port first
			"www.example.com, 443, wildcard", "www.example.com, 8443, wildcard-8443", "a.b.example.com, 443, wildcard",
			// a longer domain beats a shorter one, even one with the port
			"api.eu.example.com, 443, longer-wildcard", "api.eu.example.com, 8443, longer-wildcard",
			// the wildcard's own domain is not below it
			"eu.example.com, 443, wildcard", "example.com, 443, fallback",
			// a suffix that is not a subdomain, and a name the rules do not know
			"badexample.com, 443, fallback", "api.example.com.evil.test, 443, fallback", "unknown.test, 443, fallback",
			"other.test, 443, other",
			// host names are case-insensitive
			"API.Example.COM, 8443, exact-8443", "WWW.EXAMPLE.COM, 443, wildcard" })
	void theMostSpecificMatchingRuleWins(String host, int port, String expected) {
		assertThat(this.router.resolve(host, port).name()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}:{1} -> {2}")
	@CsvSource({ "api.example.com., 443, exact", "api.example.com., 8443, exact-8443",
			"www.example.com., 443, wildcard", "api.eu.example.com., 443, longer-wildcard",
			"API.EXAMPLE.COM., 443, exact", "other.test., 443, other", "example.com., 443, fallback" })
	void aFullyQualifiedHostNameRoutesLikeTheNameWithoutItsTrailingDot(String host, int port, String expected) {
		assertThat(this.router.resolve(host, port).name()).isEqualTo(expected);
		assertThat(this.router.resolve(host, port))
			.isSameAs(this.router.resolve(host.substring(0, host.length() - 1), port));
	}

	@Test
	void onlyOneTrailingDotIsStripped() {
		assertThat(this.router.resolve("api.example.com..", 443)).isSameAs(FALLBACK);
	}

	@ParameterizedTest(name = "[{0}]:{1}")
	@CsvSource(value = { "NULL, 443", "'', 443", "., 443", "api.example.com, 0", "api.example.com, -1",
			"api.example.com, 65536", "api.example.com, -443" }, nullValues = "NULL")
	void connectionsWithoutAHostOrWithAPortOutOfRangeGoToTheFallback(String host, int port) {
		assertThat(this.router.resolve(host, port)).isSameAs(FALLBACK);
	}

	@Test
	void aPortRuleDoesNotMatchOtherPorts() {
		CacheRouter<Cache> portOnly = router(
				Map.of("exact-8443", "api.example.com:8443", "wildcard-9443", "*.example.com:9443"));
		assertThat(portOnly.resolve("api.example.com", 8443).name()).isEqualTo("exact-8443");
		assertThat(portOnly.resolve("api.example.com", 443)).isSameAs(FALLBACK);
		assertThat(portOnly.resolve("api.example.com", 9443).name())
			.as("the exact rule for another port does not hide a matching wildcard")
			.isEqualTo("wildcard-9443");
		assertThat(portOnly.resolve("www.example.com", 443)).isSameAs(FALLBACK);
	}

	@Test
	void theFallbackIsTheCacheForUnmatchedConnections() {
		assertThat(this.router.fallback()).isSameAs(FALLBACK);
		assertThat(new CacheRouter<>(Map.of(), FALLBACK).resolve("api.example.com", 443)).isSameAs(FALLBACK);
	}

	@Test
	void aRuleClaimedByTwoCachesIsRefusedNamingBoth() {
		Map<Cache, List<HostRule>> rules = new LinkedHashMap<>();
		rules.put(new Cache("first"), List.of(HostRule.parse("api.example.com")));
		rules.put(new Cache("second"), List.of(HostRule.parse("API.example.com")));
		assertThatIllegalArgumentException().isThrownBy(() -> new CacheRouter<>(rules, FALLBACK))
			.withMessageContaining("api.example.com")
			.withMessageContaining("'first'")
			.withMessageContaining("'second'");
	}

	@Test
	void theSameRuleTwiceInOneCacheIsHarmless() {
		Cache cache = new Cache("one");
		CacheRouter<Cache> twice = new CacheRouter<>(
				Map.of(cache, List.of(HostRule.parse("api.example.com"), HostRule.parse("api.example.com"))), FALLBACK);
		assertThat(twice.resolve("api.example.com", 443)).isSameAs(cache);
	}

	private static CacheRouter<Cache> router(Map<String, String> ruleByCache) {
		Map<Cache, List<HostRule>> rules = new LinkedHashMap<>();
		ruleByCache.forEach((name, rule) -> rules.put(new Cache(name), List.of(HostRule.parse(rule))));
		return new CacheRouter<>(rules, FALLBACK);
	}

	/**
	 * A cache that is only a name: routing needs nothing else.
	 */
	private record Cache(String name) {

		@Override
		public String toString() {
			return "'" + this.name + "'";
		}

	}

}
