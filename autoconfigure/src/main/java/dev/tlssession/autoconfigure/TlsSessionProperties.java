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

package dev.tlssession.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.tlssession.TlsSessionCacheSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * TLS client session caches.
 * <p>
 * The per-cache settings have their defaults in one place,
 * {@link TlsSessionCacheSettings#DEFAULTS}; both {@code cache-defaults} and
 * {@code caches.<name>} hold only what the user set ({@code null} when unset), so that a
 * cache takes, key by key, its own value, else the {@code cache-defaults} value, else
 * that default.
 *
 * @param enabled Whether to manage the TLS sessions of the HTTP clients that Spring Boot
 * builds. When false, they are left untouched.
 * @param provider TLS implementation of the caches: auto (OpenSSL/BoringSSL when
 * netty-tcnative loads, else the JDK), openssl or jdk.
 * @param defaultCache Name of the cache for connections that no host rule matches. A
 * cache named 'default' exists with default settings unless it is declared.
 * @param cacheDefaults Settings of every cache that does not set them itself: the place
 * to change a default for all caches.
 * @param caches Named caches, each with one TLS configuration.
 * @param storeTimeout Longest a new connection waits for a TlsSessionStore bean's lookup
 * before it goes ahead with a full handshake. At most 10s.
 * @param metrics Meter settings.
 * @since 0.1.0
 */
@ConfigurationProperties("tls.session")
public record TlsSessionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("auto") Provider provider,
		@DefaultValue(DEFAULT_CACHE) String defaultCache, @DefaultValue CacheDefaults cacheDefaults,
		Map<String, Cache> caches, @DefaultValue("50ms") Duration storeTimeout, @DefaultValue Metrics metrics) {

	/**
	 * The name of the cache that exists without being declared.
	 */
	public static final String DEFAULT_CACHE = "default";

	/**
	 * Keeps the declaration order of the caches.
	 * @param enabled whether the starter is on
	 * @param provider the provider
	 * @param defaultCache the default cache
	 * @param cacheDefaults the settings of caches that do not set them
	 * @param caches the caches
	 * @param storeTimeout the store timeout
	 * @param metrics the meter settings
	 */
	public TlsSessionProperties {
		caches = (caches != null) ? new LinkedHashMap<>(caches) : new LinkedHashMap<>();
	}

	/**
	 * The TLS implementation.
	 */
	public enum Provider {

		/**
		 * OpenSSL (BoringSSL through netty-tcnative) when it loads, else the JDK.
		 */
		AUTO,

		/**
		 * BoringSSL through netty-tcnative: every feature.
		 */
		OPENSSL,

		/**
		 * The JDK's SunJSSE.
		 */
		JDK

	}

	/**
	 * The settings every cache takes unless it sets them itself. Their defaults are those
	 * of {@link TlsSessionCacheSettings#DEFAULTS}.
	 *
	 * @param maxSessions Sessions kept in total by each cache, from 1 to 1000000.
	 * @param maxSessionsPerHost Sessions (TLS 1.3 tickets) kept per host and port at
	 * most: each cache keeps about twice the connections recently in flight to an
	 * upstream, within this bound (on the jdk, the tickets its connection lanes hold).
	 * When unset, the default or max-sessions if that is smaller.
	 * @param timeout Lifetime of a session from the handshake that made it, never
	 * extended on use and also bounded by the server's ticket lifetime; from 1s to 7d.
	 * @param reuse Whether sessions are stored and offered; false makes every handshake
	 * full.
	 * @param singleUseTickets Whether a TLS 1.3 ticket is offered at most once (RFC 8446
	 * C.4); false needs openssl.
	 * @param evictOnRejection Whether a session the server declined to resume is removed
	 * at once; false needs openssl.
	 * @param noInternalStore Whether new sessions go only to the TlsSessionStore bean
	 * instead of into the cache; openssl only, and needs a TlsSessionStore bean.
	 * @param noInternalLookup Whether the TlsSessionStore bean, instead of a search of
	 * the cache, decides which session is offered; openssl only, and needs a
	 * TlsSessionStore bean.
	 * @param handshakeTimeout TLS handshake timeout of the cache's connections.
	 * @param keyExchangeGroups TLS key-exchange groups the caches' connections offer,
	 * most preferred first, such as [x25519]; unset, the provider's default (on openssl,
	 * the post-quantum hybrid X25519MLKEM768 first). On the jdk it needs Java 20 or
	 * later.
	 */
	public record CacheDefaults(@Nullable Integer maxSessions, @Nullable Integer maxSessionsPerHost,
			@Nullable Duration timeout, @Nullable Boolean reuse, @Nullable Boolean singleUseTickets,
			@Nullable Boolean evictOnRejection, @Nullable Boolean noInternalStore, @Nullable Boolean noInternalLookup,
			@Nullable Duration handshakeTimeout, @Nullable List<String> keyExchangeGroups) {

		/**
		 * Nothing set: every cache gets {@link TlsSessionCacheSettings#DEFAULTS}.
		 */
		public static final CacheDefaults NONE = new CacheDefaults(null, null, null, null, null, null, null, null, null,
				null);

	}

	/**
	 * One cache. A setting it leaves unset takes the value of
	 * {@code tls.session.cache-defaults}.
	 *
	 * @param hosts Host rules routing connections to this cache: api.example.com,
	 * *.example.com, with an optional :port.
	 * @param sslBundle SSL bundle giving trust, key material, protocols and ciphers; none
	 * means the JVM's default trust.
	 * @param maxSessions Sessions kept in total; unset: cache-defaults.max-sessions.
	 * @param maxSessionsPerHost Sessions (TLS 1.3 tickets) kept per host and port at
	 * most; unset: cache-defaults.max-sessions-per-host.
	 * @param timeout Lifetime of a session from the handshake that made it, never
	 * extended on use, at most 7d; unset: cache-defaults.timeout.
	 * @param reuse Whether sessions are stored and offered; unset: cache-defaults.reuse.
	 * @param singleUseTickets Whether a TLS 1.3 ticket is offered at most once; unset:
	 * cache-defaults.single-use-tickets.
	 * @param evictOnRejection Whether a session the server declined to resume is removed
	 * at once; unset: cache-defaults.evict-on-rejection.
	 * @param noInternalStore Whether new sessions go only to the TlsSessionStore bean;
	 * unset: cache-defaults.no-internal-store.
	 * @param noInternalLookup Whether the TlsSessionStore bean decides what is offered;
	 * unset: cache-defaults.no-internal-lookup.
	 * @param handshakeTimeout TLS handshake timeout of this cache's connections; unset:
	 * cache-defaults.handshake-timeout.
	 * @param keyExchangeGroups TLS key-exchange groups this cache's connections offer,
	 * most preferred first, such as [x25519]; unset: cache-defaults.key-exchange-groups,
	 * else the provider's default.
	 */
	public record Cache(@DefaultValue List<String> hosts, @Nullable String sslBundle, @Nullable Integer maxSessions,
			@Nullable Integer maxSessionsPerHost, @Nullable Duration timeout, @Nullable Boolean reuse,
			@Nullable Boolean singleUseTickets, @Nullable Boolean evictOnRejection, @Nullable Boolean noInternalStore,
			@Nullable Boolean noInternalLookup, @Nullable Duration handshakeTimeout,
			@Nullable List<String> keyExchangeGroups) {

		/**
		 * Treats a blank bundle name as none, so that a profile can clear a bundle set
		 * elsewhere.
		 * @param hosts the host rules
		 * @param sslBundle the SSL bundle name
		 * @param maxSessions sessions kept in total
		 * @param maxSessionsPerHost sessions kept per host and port
		 * @param timeout session lifetime
		 * @param reuse whether sessions are stored and offered
		 * @param singleUseTickets whether TLS 1.3 tickets are offered once
		 * @param evictOnRejection whether declined sessions are removed
		 * @param noInternalStore whether new sessions bypass the cache
		 * @param noInternalLookup whether the cache is not searched
		 * @param handshakeTimeout the handshake timeout
		 * @param keyExchangeGroups the key-exchange groups
		 */
		public Cache {
			hosts = (hosts != null) ? List.copyOf(hosts) : List.of();
			sslBundle = (sslBundle != null && !sslBundle.isBlank()) ? sslBundle : null;
		}

		/**
		 * A cache that sets nothing, for the implicit default cache.
		 */
		static final Cache UNSET = new Cache(List.of(), null, null, null, null, null, null, null, null, null, null,
				null);

	}

	/**
	 * One per-cache setting: its property name, where a cache and the defaults hold it,
	 * and its default.
	 *
	 * @param <T> the type of the value
	 * @param name the property name under a cache or cache-defaults, such as
	 * {@code max-sessions}
	 * @param perCache the value a cache set, or {@code null}
	 * @param defaults the value cache-defaults set, or {@code null}
	 * @param builtIn the default of {@link TlsSessionCacheSettings#DEFAULTS}
	 */
	record Setting<T>(String name, Function<Cache, @Nullable T> perCache, Function<CacheDefaults, @Nullable T> defaults,
			Function<TlsSessionCacheSettings, T> builtIn) {

		static final Setting<Integer> MAX_SESSIONS = new Setting<>("max-sessions", Cache::maxSessions,
				CacheDefaults::maxSessions, TlsSessionCacheSettings::maxSessions);

		static final Setting<Integer> MAX_SESSIONS_PER_HOST = new Setting<>("max-sessions-per-host",
				Cache::maxSessionsPerHost, CacheDefaults::maxSessionsPerHost,
				TlsSessionCacheSettings::maxSessionsPerHost);

		static final Setting<Duration> TIMEOUT = new Setting<>("timeout", Cache::timeout, CacheDefaults::timeout,
				TlsSessionCacheSettings::timeout);

		static final Setting<Boolean> REUSE = new Setting<>("reuse", Cache::reuse, CacheDefaults::reuse,
				TlsSessionCacheSettings::reuse);

		static final Setting<Boolean> SINGLE_USE_TICKETS = new Setting<>("single-use-tickets", Cache::singleUseTickets,
				CacheDefaults::singleUseTickets, TlsSessionCacheSettings::singleUseTickets);

		static final Setting<Boolean> EVICT_ON_REJECTION = new Setting<>("evict-on-rejection", Cache::evictOnRejection,
				CacheDefaults::evictOnRejection, TlsSessionCacheSettings::evictOnRejection);

		static final Setting<Boolean> NO_INTERNAL_STORE = new Setting<>("no-internal-store", Cache::noInternalStore,
				CacheDefaults::noInternalStore, TlsSessionCacheSettings::noInternalStore);

		static final Setting<Boolean> NO_INTERNAL_LOOKUP = new Setting<>("no-internal-lookup", Cache::noInternalLookup,
				CacheDefaults::noInternalLookup, TlsSessionCacheSettings::noInternalLookup);

		static final Setting<Duration> HANDSHAKE_TIMEOUT = new Setting<>("handshake-timeout", Cache::handshakeTimeout,
				CacheDefaults::handshakeTimeout, TlsSessionCacheSettings::handshakeTimeout);

		static final Setting<List<String>> KEY_EXCHANGE_GROUPS = new Setting<>("key-exchange-groups",
				Cache::keyExchangeGroups, CacheDefaults::keyExchangeGroups, TlsSessionCacheSettings::keyExchangeGroups);

		/** Every setting that cache-defaults carries, in declaration order. */
		static final List<Setting<?>> ALL = List.of(MAX_SESSIONS, MAX_SESSIONS_PER_HOST, TIMEOUT, REUSE,
				SINGLE_USE_TICKETS, EVICT_ON_REJECTION, NO_INTERNAL_STORE, NO_INTERNAL_LOOKUP, HANDSHAKE_TIMEOUT,
				KEY_EXCHANGE_GROUPS);

		/**
		 * The value a cache gets: its own, else cache-defaults', else the built-in
		 * default.
		 * @param cache the cache
		 * @param cacheDefaults the defaults
		 * @return the value
		 */
		T resolve(Cache cache, CacheDefaults cacheDefaults) {
			T own = this.perCache.apply(cache);
			return (own != null) ? own : resolve(cacheDefaults);
		}

		/**
		 * The value a cache that sets nothing gets.
		 * @param cacheDefaults the defaults
		 * @return the value
		 */
		T resolve(CacheDefaults cacheDefaults) {
			T configured = this.defaults.apply(cacheDefaults);
			return (configured != null) ? configured : this.builtIn.apply(TlsSessionCacheSettings.DEFAULTS);
		}

		/**
		 * The property that gave a cache its value, or {@code null} when the value is the
		 * built-in default.
		 * @param cacheName the cache
		 * @param cache its settings
		 * @param cacheDefaults the defaults
		 * @return the full property name
		 */
		@Nullable String source(String cacheName, Cache cache, CacheDefaults cacheDefaults) {
			if (this.perCache.apply(cache) != null) {
				return "tls.session.caches." + cacheName + "." + this.name;
			}
			return (this.defaults.apply(cacheDefaults) != null) ? "tls.session.cache-defaults." + this.name : null;
		}

	}

	/**
	 * Meter settings.
	 *
	 * @param hostTag Whether to tag the handshake and offer meters with the upstream host
	 * and port ('host' tag), which makes one time series per upstream.
	 */
	public record Metrics(@DefaultValue("false") boolean hostTag) {

	}

}
