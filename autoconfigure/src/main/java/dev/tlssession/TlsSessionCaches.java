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
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.tlssession.routing.CacheRouter;
import dev.tlssession.routing.HostRule;
import dev.tlssession.routing.RoutingSslContext;
import org.jspecify.annotations.Nullable;

/**
 * The registry of named caches, and the router that picks one per connection from its
 * host rules. Closing it releases the caches' native memory.
 *
 * @since 0.1.0
 */
public final class TlsSessionCaches implements AutoCloseable {

	private final Map<String, TlsSessionCache> caches;

	private final Map<String, List<HostRule>> hostRules;

	private final CacheRouter<TlsSessionCache> router;

	private final RoutingSslContext sslContext;

	/**
	 * Creates a registry.
	 * @param caches the caches, in configuration order
	 * @param hostRules the host rules of each cache that has some
	 * @param defaultCache the name of the cache for connections no rule matches
	 * @throws IllegalArgumentException if the default cache is unknown or two caches
	 * claim the same rule
	 */
	public TlsSessionCaches(List<? extends TlsSessionCache> caches, Map<String, List<HostRule>> hostRules,
			String defaultCache) {
		Map<String, TlsSessionCache> byName = new LinkedHashMap<>();
		for (TlsSessionCache cache : caches) {
			if (byName.putIfAbsent(cache.name(), cache) != null) {
				throw new IllegalArgumentException("duplicate cache name '" + cache.name() + "'");
			}
		}
		this.caches = byName;
		this.hostRules = Map.copyOf(hostRules);
		TlsSessionCache fallback = byName.get(defaultCache);
		if (fallback == null) {
			throw new IllegalArgumentException("default cache '" + defaultCache + "' is not one of " + byName.keySet());
		}
		this.router = router((cache) -> true, fallback);
		this.sslContext = routingContext(this.router);
	}

	/**
	 * The cache names, in configuration order.
	 * @return the names
	 */
	public Set<String> names() {
		return this.caches.keySet();
	}

	/**
	 * A cache by name.
	 * @param name the name
	 * @return the cache
	 * @throws IllegalArgumentException if there is no such cache
	 */
	public TlsSessionCache get(String name) {
		TlsSessionCache cache = find(name);
		if (cache == null) {
			throw new IllegalArgumentException("No TLS session cache '" + name + "'; caches are " + names());
		}
		return cache;
	}

	/**
	 * A cache by name, if it exists.
	 * @param name the name
	 * @return the cache, or {@code null}
	 */
	public @Nullable TlsSessionCache find(String name) {
		return this.caches.get(name);
	}

	/**
	 * Every cache, in configuration order.
	 * @return the caches
	 */
	public List<TlsSessionCache> caches() {
		return List.copyOf(this.caches.values());
	}

	/**
	 * The cache connections to an upstream use.
	 * @param host the host name
	 * @param port the port
	 * @return the cache its host rules pick, else the default cache
	 */
	public TlsSessionCache forHost(String host, int port) {
		return this.router.resolve(host, port);
	}

	/**
	 * The cache for connections no host rule matches.
	 * @return the default cache
	 */
	public TlsSessionCache defaultCache() {
		return this.router.fallback();
	}

	/**
	 * The context that routes every connection to the cache of its host; it follows
	 * rebuilt caches.
	 * @return the routing context
	 */
	public RoutingSslContext sslContext() {
		return this.sslContext;
	}

	/**
	 * A context bound to one cache that follows it when it is rebuilt (for example on an
	 * SSL bundle reload).
	 * @param name the cache name
	 * @return the context
	 * @throws IllegalArgumentException if there is no such cache
	 */
	public RoutingSslContext sslContext(String name) {
		TlsSessionCache cache = get(name);
		return new RoutingSslContext((host, port) -> cache.sslContext());
	}

	/**
	 * The host rules of a cache.
	 * @param name the cache name
	 * @return the rules, possibly empty
	 */
	public List<HostRule> hostRules(String name) {
		return this.hostRules.getOrDefault(name, List.of());
	}

	/**
	 * A context that routes every connection among some of the caches, for clients bound
	 * to one TLS configuration; it follows rebuilt caches.
	 * @param among the caches to route to
	 * @param fallback the cache for connections no host rule among them matches
	 * @return the routing context
	 */
	public RoutingSslContext sslContext(Predicate<TlsSessionCache> among, TlsSessionCache fallback) {
		return routingContext(router(among, fallback));
	}

	private CacheRouter<TlsSessionCache> router(Predicate<TlsSessionCache> among, TlsSessionCache fallback) {
		Map<TlsSessionCache, List<HostRule>> rules = new LinkedHashMap<>();
		this.caches.values()
			.stream()
			.filter(among)
			.forEach((cache) -> rules.put(cache, this.hostRules.getOrDefault(cache.name(), List.of())));
		return new CacheRouter<>(rules, fallback);
	}

	private static RoutingSslContext routingContext(CacheRouter<TlsSessionCache> router) {
		return new RoutingSslContext((host, port) -> router.resolve(host, port).sslContext());
	}

	/**
	 * Registers a listener for the handshakes and offers of every cache.
	 * @param listener the listener
	 */
	public void addHandshakeListener(TlsHandshakeListener listener) {
		this.caches.values().forEach((cache) -> cache.addHandshakeListener(listener));
	}

	/**
	 * Removes a listener.
	 * @param listener the listener
	 */
	public void removeHandshakeListener(TlsHandshakeListener listener) {
		this.caches.values().forEach((cache) -> cache.removeHandshakeListener(listener));
	}

	/**
	 * Releases every cache's TLS contexts and sessions; Spring calls it when the
	 * application context closes. Connections still open finish on what they hold.
	 */
	@Override
	public void close() {
		this.caches.values().forEach(TlsSessionCache::close);
	}

}
