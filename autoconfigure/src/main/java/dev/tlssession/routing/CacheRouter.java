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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Picks the cache for a connection: the cache of the most specific matching host rule,
 * else a fallback cache.
 *
 * @param <C> the cache type
 * @since 0.1.0
 */
public final class CacheRouter<C> {

	private final Map<String, List<Route<C>>> exact = new HashMap<>();

	private final List<Route<C>> wildcards = new ArrayList<>();

	private final C fallback;

	/**
	 * Creates a router.
	 * @param rules the host rules of each cache
	 * @param fallback the cache for connections no rule matches
	 * @throws IllegalArgumentException if two caches claim the same rule
	 */
	public CacheRouter(Map<C, List<HostRule>> rules, C fallback) {
		this.fallback = fallback;
		Map<HostRule, C> claimed = new HashMap<>();
		rules.forEach((cache, cacheRules) -> {
			for (HostRule rule : cacheRules) {
				C previous = claimed.putIfAbsent(rule, cache);
				if (previous != null && previous != cache) {
					throw new IllegalArgumentException(
							"host rule '" + rule + "' is claimed by " + previous + " and " + cache);
				}
				Route<C> route = new Route<>(rule, cache);
				if (rule.wildcard()) {
					this.wildcards.add(route);
				}
				else {
					this.exact.computeIfAbsent(rule.host(), (host) -> new ArrayList<>(1)).add(route);
				}
			}
		});
		Comparator<Route<C>> mostSpecificFirst = Comparator.comparingInt((Route<C> route) -> route.rule.specificity())
			.reversed();
		this.wildcards.sort(mostSpecificFirst);
		this.exact.values().forEach((routes) -> routes.sort(mostSpecificFirst));
	}

	/**
	 * The cache for an upstream.
	 * @param host the host name, or {@code null} when the connection has none
	 * @param port the port, or {@code -1} when unknown
	 * @return the cache of the most specific matching rule, else the fallback
	 */
	public C resolve(@Nullable String host, int port) {
		if (host == null || port < 1 || port > 65535) {
			return this.fallback;
		}
		// a fully qualified name (api.example.com.) is the same host as api.example.com
		String name = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).toLowerCase(Locale.ROOT);
		if (name.isEmpty()) {
			return this.fallback;
		}
		C cache = match(this.exact.get(name), name, port);
		if (cache == null) {
			cache = match(this.wildcards, name, port);
		}
		return (cache != null) ? cache : this.fallback;
	}

	/**
	 * The cache for connections no rule matches.
	 * @return the fallback cache
	 */
	public C fallback() {
		return this.fallback;
	}

	private static <C> @Nullable C match(@Nullable List<Route<C>> routes, String host, int port) {
		if (routes != null) {
			for (Route<C> route : routes) {
				if (route.rule.matches(host, port)) {
					return route.cache;
				}
			}
		}
		return null;
	}

	private record Route<C>(HostRule rule, C cache) {
	}

}
