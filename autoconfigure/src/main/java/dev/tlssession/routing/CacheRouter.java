package dev.tlssession.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionKey;
import org.jspecify.annotations.Nullable;

/**
 * Picks the cache for a connection: the cache of the most specific matching host rule, else a fallback cache.
 */
public final class CacheRouter implements CacheResolver {

	private final Map<String, List<Route>> exact = new HashMap<>();

	private final List<Route> wildcards = new ArrayList<>();

	private final TlsSessionCache fallback;

	/**
	 * Creates a router.
	 * @param rules the host rules of each cache
	 * @param fallback the cache for connections no rule matches
	 * @throws IllegalArgumentException if two caches claim the same rule
	 */
	public CacheRouter(Map<TlsSessionCache, List<HostRule>> rules, TlsSessionCache fallback) {
		this.fallback = fallback;
		Map<HostRule, TlsSessionCache> claimed = new HashMap<>();
		rules.forEach((cache, cacheRules) -> {
			for (HostRule rule : cacheRules) {
				TlsSessionCache previous = claimed.putIfAbsent(rule, cache);
				if (previous != null && previous != cache) {
					throw new IllegalArgumentException("host rule '" + rule + "' is claimed by caches '"
							+ previous.name() + "' and '" + cache.name() + "'");
				}
				Route route = new Route(rule, cache);
				if (rule.wildcard()) {
					this.wildcards.add(route);
				}
				else {
					this.exact.computeIfAbsent(rule.host(), (host) -> new ArrayList<>(1)).add(route);
				}
			}
		});
		Comparator<Route> mostSpecificFirst = Comparator.comparingInt((Route route) -> route.rule.specificity())
			.reversed();
		this.wildcards.sort(mostSpecificFirst);
		this.exact.values().forEach((routes) -> routes.sort(mostSpecificFirst));
	}

	@Override
	public TlsSessionCache resolve(@Nullable String host, int port) {
		if (host == null || port < 1 || port > 65535) {
			return this.fallback;
		}
		// a fully qualified name (api.example.com.) is the same host as api.example.com
		String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
		if (name.isEmpty()) {
			return this.fallback;
		}
		TlsSessionKey key = new TlsSessionKey(name, port);
		TlsSessionCache cache = match(this.exact.get(key.host()), key);
		if (cache == null) {
			cache = match(this.wildcards, key);
		}
		return (cache != null) ? cache : this.fallback;
	}

	/**
	 * The cache for connections no rule matches.
	 * @return the fallback cache
	 */
	public TlsSessionCache fallback() {
		return this.fallback;
	}

	private static @Nullable TlsSessionCache match(@Nullable List<Route> routes, TlsSessionKey key) {
		if (routes != null) {
			for (Route route : routes) {
				if (route.rule.matches(key)) {
					return route.cache;
				}
			}
		}
		return null;
	}

	private record Route(HostRule rule, TlsSessionCache cache) {
	}

}
