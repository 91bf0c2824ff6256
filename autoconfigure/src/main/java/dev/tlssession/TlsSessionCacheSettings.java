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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The validated settings of one cache.
 *
 * @param maxSessions sessions kept in total
 * @param maxSessionsPerHost sessions (TLS 1.3 tickets) kept per host and port at most;
 * the cache keeps about twice the connections recently in flight to the upstream, within
 * this bound
 * @param timeout a session's lifetime from the handshake that made it, never extended on
 * use
 * @param reuse whether sessions are stored and offered at all
 * @param singleUseTickets whether a TLS 1.3 ticket is offered at most once (RFC 8446 C.4)
 * @param evictOnRejection whether a session the server declined to resume is removed at
 * once
 * @param noInternalStore whether new sessions bypass the cache and go only to the
 * {@link TlsSessionStore}
 * @param noInternalLookup whether the cache is not searched and the
 * {@link TlsSessionStore} decides what to offer
 * @param handshakeTimeout the TLS handshake timeout of connections of this cache
 * @param keyExchangeGroups the key-exchange groups the cache's connections offer, by the
 * names of {@link KeyExchangeGroups}, most preferred first; empty for the provider's
 * default
 * @since 0.1.0
 */
public record TlsSessionCacheSettings(int maxSessions, int maxSessionsPerHost, Duration timeout, boolean reuse,
		boolean singleUseTickets, boolean evictOnRejection, boolean noInternalStore, boolean noInternalLookup,
		Duration handshakeTimeout, List<String> keyExchangeGroups) {

	/**
	 * The largest session lifetime: RFC 8446 section 4.6.1 caps ticket lifetimes at 7
	 * days, and the JDK discards every TLS 1.3 ticket when its client timeout is larger.
	 */
	public static final Duration MAX_TIMEOUT = Duration.ofDays(7);

	/**
	 * The largest total size accepted, to keep memory bounded by configuration mistakes
	 * too.
	 */
	public static final int MAX_SESSIONS_LIMIT = 1_000_000;

	/**
	 * The default settings.
	 */
	public static final TlsSessionCacheSettings DEFAULTS = new TlsSessionCacheSettings(1024, 64, Duration.ofHours(1),
			true, true, true, false, false, Duration.ofSeconds(10), List.of());

	/**
	 * Validates the settings; the exception names the setting, the value and the fix.
	 * @param maxSessions sessions kept in total
	 * @param maxSessionsPerHost sessions kept per host and port
	 * @param timeout a session's lifetime
	 * @param reuse whether sessions are stored and offered
	 * @param singleUseTickets whether TLS 1.3 tickets are offered once
	 * @param evictOnRejection whether rejected sessions are removed
	 * @param noInternalStore whether new sessions bypass the cache
	 * @param noInternalLookup whether the cache is not searched
	 * @param handshakeTimeout the handshake timeout
	 * @param keyExchangeGroups the key-exchange groups, as written; empty for the
	 * provider's default
	 */
	public TlsSessionCacheSettings {
		if (maxSessions < 1 || maxSessions > MAX_SESSIONS_LIMIT) {
			throw invalid("max-sessions", maxSessions, "must be between 1 and " + MAX_SESSIONS_LIMIT,
					"set a positive size; to turn resumption off set reuse=false");
		}
		if (maxSessionsPerHost < 1 || maxSessionsPerHost > maxSessions) {
			throw invalid("max-sessions-per-host", maxSessionsPerHost,
					"must be between 1 and max-sessions (" + maxSessions + ")", "set a value from 1 to max-sessions");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
			throw invalid("timeout", timeout, "must be more than 0 and at most 7 days (RFC 8446 ticket lifetime limit)",
					"set a duration such as 1h; the server's ticket lifetime also bounds it");
		}
		if (timeout.toMillis() < 1000) {
			throw invalid("timeout", timeout, "TLS session lifetimes have a resolution of one second",
					"set at least 1s");
		}
		if (handshakeTimeout == null || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
			throw invalid("handshake-timeout", handshakeTimeout, "must be more than 0", "set a duration such as 10s");
		}
		keyExchangeGroups = groups(keyExchangeGroups);
	}

	/**
	 * Settings with the provider's default key-exchange groups.
	 * @param maxSessions sessions kept in total
	 * @param maxSessionsPerHost sessions kept per host and port
	 * @param timeout a session's lifetime
	 * @param reuse whether sessions are stored and offered
	 * @param singleUseTickets whether TLS 1.3 tickets are offered once
	 * @param evictOnRejection whether rejected sessions are removed
	 * @param noInternalStore whether new sessions bypass the cache
	 * @param noInternalLookup whether the cache is not searched
	 * @param handshakeTimeout the handshake timeout
	 */
	public TlsSessionCacheSettings(int maxSessions, int maxSessionsPerHost, Duration timeout, boolean reuse,
			boolean singleUseTickets, boolean evictOnRejection, boolean noInternalStore, boolean noInternalLookup,
			Duration handshakeTimeout) {
		this(maxSessions, maxSessionsPerHost, timeout, reuse, singleUseTickets, evictOnRejection, noInternalStore,
				noInternalLookup, handshakeTimeout, List.of());
	}

	/**
	 * The groups' names, in the order written; a failure names the element at fault.
	 */
	private static List<String> groups(@Nullable List<String> written) {
		if (written == null) {
			return List.of();
		}
		List<String> names = new ArrayList<>(written.size());
		for (String spelling : written) {
			String name = KeyExchangeGroups.name(spelling);
			if (name == null || names.contains(name)) {
				throw invalid("key-exchange-groups", spelling,
						(name != null) ? "the group is listed twice"
								: "not a key-exchange group (known: " + KeyExchangeGroups.names() + ")",
						"list groups such as [x25519], most preferred first, or remove the setting for the "
								+ "provider's default");
			}
			names.add(name);
		}
		return List.copyOf(names);
	}

	private static TlsSessionConfigurationException invalid(String setting, Object value, String reason,
			String action) {
		return new TlsSessionConfigurationException(null, setting, value, reason, action);
	}

	/**
	 * Whether new sessions may be kept automatically.
	 * @return {@code true} if the cache stores sessions it is given by the TLS stack
	 */
	public boolean storesInternally() {
		return this.reuse && !this.noInternalStore;
	}

	/**
	 * Whether the cache is searched for new connections.
	 * @return {@code true} if the cache offers its own sessions
	 */
	public boolean looksUpInternally() {
		return this.reuse && !this.noInternalLookup;
	}

}
