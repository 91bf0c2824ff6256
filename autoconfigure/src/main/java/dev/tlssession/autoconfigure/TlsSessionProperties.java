package dev.tlssession.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * TLS client session caches.
 *
 * @param enabled Whether to manage the TLS sessions of the HTTP clients that Spring Boot builds. When false, they
 * are left untouched.
 * @param provider TLS implementation of the caches: auto (OpenSSL/BoringSSL when netty-tcnative loads, else the
 * JDK), openssl or jdk.
 * @param defaultCache Name of the cache for connections that no host rule matches. A cache named 'default' exists
 * with default settings unless it is declared.
 * @param caches Named caches, each with one TLS configuration.
 * @param storeTimeout Longest a new connection waits for a TlsSessionStore bean's lookup before it goes ahead with
 * a full handshake.
 * @param metrics Meter settings.
 */
@ConfigurationProperties("tls.session")
public record TlsSessionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("auto") Provider provider,
		@DefaultValue(DEFAULT_CACHE) String defaultCache, Map<String, Cache> caches,
		@DefaultValue("50ms") Duration storeTimeout, @DefaultValue Metrics metrics) {

	/**
	 * The name of the cache that exists without being declared.
	 */
	public static final String DEFAULT_CACHE = "default";

	/**
	 * Keeps the declaration order of the caches.
	 * @param enabled whether the starter is on
	 * @param provider the provider
	 * @param defaultCache the default cache
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
	 * One cache.
	 *
	 * @param hosts host rules routing connections to this cache: api.example.com, *.example.com, with an optional
	 * :port
	 * @param sslBundle SSL bundle giving trust, key material, protocols and ciphers; none means the JVM's default
	 * trust
	 * @param maxSessions sessions kept in total
	 * @param maxSessionsPerHost sessions (TLS 1.3 tickets) kept per host and port; default 4 (openssl only: the jdk
	 * keeps up to 10)
	 * @param timeout lifetime of a session from the handshake that made it, never extended on use and also bounded
	 * by the server's ticket lifetime; at most 7 days
	 * @param reuse whether sessions are stored and offered; false makes every handshake full
	 * @param singleUseTickets whether a TLS 1.3 ticket is offered at most once (RFC 8446 C.4); default true
	 * (openssl only: the jdk always does)
	 * @param evictOnRejection whether a session the server declined to resume is removed at once; default true
	 * (openssl only: the jdk always does)
	 * @param noInternalStore whether new sessions bypass the cache and go only to the TlsSessionStore bean (openssl
	 * only)
	 * @param noInternalLookup whether the cache is not searched and the TlsSessionStore bean decides what is offered
	 * (openssl only)
	 * @param handshakeTimeout TLS handshake timeout for connections of this cache
	 */
	public record Cache(@DefaultValue List<String> hosts, @Nullable String sslBundle,
			@DefaultValue("1024") int maxSessions, @Nullable Integer maxSessionsPerHost,
			@DefaultValue("1h") Duration timeout, @DefaultValue("true") boolean reuse,
			@Nullable Boolean singleUseTickets, @Nullable Boolean evictOnRejection,
			@DefaultValue("false") boolean noInternalStore, @DefaultValue("false") boolean noInternalLookup,
			@DefaultValue("10s") Duration handshakeTimeout) {

		/**
		 * Treats a blank bundle name as none, so that a profile can clear a bundle set elsewhere.
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
		 */
		public Cache {
			sslBundle = (sslBundle != null && !sslBundle.isBlank()) ? sslBundle : null;
		}


		/**
		 * A cache with every default, for the implicit default cache.
		 */
		static final Cache DEFAULTS = new Cache(List.of(), null, 1024, null, Duration.ofHours(1), true, null, null,
				false, false, Duration.ofSeconds(10));

	}

	/**
	 * Meter settings.
	 *
	 * @param hostTag Whether to tag the handshake and offer meters with the upstream host and port ('host' tag),
	 * which makes one time series per upstream.
	 */
	public record Metrics(@DefaultValue("false") boolean hostTag) {

	}

}
