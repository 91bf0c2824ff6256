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

package dev.tlssession.actuate.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tlssession.EvictionCause;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionStats;
import dev.tlssession.routing.HostRule;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@link Endpoint @Endpoint} for the TLS session caches: their settings, handshakes,
 * offers, size and evictions, the sessions of one cache (views without secrets, at most
 * {@value #MAX_LIMIT} per request), and flushing a cache or one upstream's sessions.
 * Read-only unless {@code management.endpoint.tlssessions.access=unrestricted}: flushing
 * and removing change what the application resumes.
 *
 * @since 0.1.0
 */
@Endpoint(id = "tlssessions", defaultAccess = Access.READ_ONLY)
public class TlsSessionsEndpoint {

	/**
	 * Sessions listed by default.
	 */
	public static final int DEFAULT_LIMIT = 100;

	/**
	 * Sessions listed at most.
	 */
	public static final int MAX_LIMIT = 10_000;

	private final TlsSessionCaches caches;

	/**
	 * Creates an endpoint.
	 * @param caches the caches
	 */
	public TlsSessionsEndpoint(TlsSessionCaches caches) {
		this.caches = caches;
	}

	/**
	 * Describes every cache.
	 * @return the descriptor
	 */
	@ReadOperation
	public CachesDescriptor caches() {
		Map<String, CacheDescriptor> caches = new LinkedHashMap<>();
		for (TlsSessionCache cache : this.caches.caches()) {
			caches.put(cache.name(), describe(cache));
		}
		return new CachesDescriptor(this.caches.defaultCache().name(), caches);
	}

	/**
	 * Describes one cache and its oldest sessions.
	 * @param cache the cache name
	 * @param limit how many sessions to list, from 1 to {@value #MAX_LIMIT};
	 * {@value #DEFAULT_LIMIT} when {@code null}
	 * @return the descriptor, or {@code null} if there is no such cache
	 * @throws IllegalArgumentException if the limit is out of range
	 */
	@ReadOperation
	public @Nullable CacheDetailsDescriptor cache(@Selector String cache, @Nullable Integer limit) {
		int listed = (limit != null) ? limit : DEFAULT_LIMIT;
		if (listed < 1 || listed > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
		}
		TlsSessionCache found = this.caches.find(cache);
		if (found == null) {
			return null;
		}
		Instant now = Instant.now();
		CacheDescriptor described = describe(found);
		List<SessionDescriptor> sessions = found.sessions(listed)
			.stream()
			.map((session) -> SessionDescriptor.of(session, now))
			.toList();
		return new CacheDetailsDescriptor(described, described.size(), sessions);
	}

	/**
	 * Removes every session of a cache, or of one upstream when a host and port are
	 * given.
	 * @param cache the cache name
	 * @param host the upstream's host, or {@code null} for every upstream
	 * @param port the upstream's port, required with a host
	 * @return what was removed, or {@code null} if there is no such cache
	 * @throws IllegalArgumentException if only one of host and port is given
	 */
	@DeleteOperation
	public @Nullable RemovalDescriptor removeSessions(@Selector String cache, @Nullable String host,
			@Nullable Integer port) {
		TlsSessionCache found = this.caches.find(cache);
		if (found == null) {
			return null;
		}
		if ((host == null) != (port == null)) {
			throw new IllegalArgumentException(
					"Give both host and port to remove one upstream's sessions, or " + "neither to flush the cache");
		}
		if (host == null) {
			return new RemovalDescriptor(found.name(), null, found.flush());
		}
		return new RemovalDescriptor(found.name(), host + ":" + port, found.remove(host, port));
	}

	private CacheDescriptor describe(TlsSessionCache cache) {
		TlsSessionStats stats = cache.stats();
		Map<String, Long> evictions = new LinkedHashMap<>();
		for (EvictionCause cause : EvictionCause.values()) {
			evictions.put(cause.tag(), stats.evictions(cause));
		}
		List<String> hosts = this.caches.hostRules(cache.name()).stream().map(HostRule::toString).toList();
		return new CacheDescriptor(cache.provider().tag(), SettingsDescriptor.of(cache.settings(), hosts),
				new HandshakesDescriptor(stats.resumedHandshakes(), stats.fullHandshakes(), stats.failedHandshakes()),
				stats.reuseRatio(), new OffersDescriptor(stats.offersAccepted(), stats.offersRejected()), stats.size(),
				stats.stored(), stats.dropped(), stats.storeFailures(), evictions);
	}

	/**
	 * Every cache.
	 *
	 * @param defaultCache the cache for connections no host rule matches
	 * @param caches the caches by name
	 */
	public record CachesDescriptor(String defaultCache,
			Map<String, CacheDescriptor> caches) implements OperationResponseBody {
	}

	/**
	 * One cache and its oldest sessions.
	 *
	 * @param cache the cache
	 * @param total how many sessions it holds
	 * @param sessions its oldest sessions, at most the requested limit
	 */
	public record CacheDetailsDescriptor(CacheDescriptor cache, int total,
			List<SessionDescriptor> sessions) implements OperationResponseBody {
	}

	/**
	 * One cache.
	 *
	 * @param provider the TLS implementation
	 * @param settings the effective settings
	 * @param handshakes handshakes by outcome
	 * @param reuseRatio resumed handshakes as a share of completed ones
	 * @param offers offered sessions by the server's answer
	 * @param size sessions in the cache
	 * @param stored sessions kept since start
	 * @param dropped sessions the cache did not keep (unusable on arrival, or no store to
	 * hand them to)
	 * @param storeFailures failed store calls
	 * @param evictions sessions that left the cache, by cause
	 */
	public record CacheDescriptor(String provider, SettingsDescriptor settings, HandshakesDescriptor handshakes,
			double reuseRatio, OffersDescriptor offers, int size, long stored, long dropped, long storeFailures,
			Map<String, Long> evictions) {
	}

	/**
	 * A cache's effective settings.
	 *
	 * @param hosts the host rules
	 * @param maxSessions sessions kept in total
	 * @param maxSessionsPerHost sessions kept per upstream
	 * @param timeout session lifetime
	 * @param reuse whether sessions are stored and offered
	 * @param singleUseTickets whether TLS 1.3 tickets are offered once
	 * @param evictOnRejection whether declined sessions are removed
	 * @param noInternalStore whether new sessions bypass the cache
	 * @param noInternalLookup whether the cache is not searched
	 * @param handshakeTimeout the handshake timeout
	 */
	public record SettingsDescriptor(List<String> hosts, int maxSessions, int maxSessionsPerHost, Duration timeout,
			boolean reuse, boolean singleUseTickets, boolean evictOnRejection, boolean noInternalStore,
			boolean noInternalLookup, Duration handshakeTimeout) {

		static SettingsDescriptor of(TlsSessionCacheSettings settings, List<String> hosts) {
			return new SettingsDescriptor(hosts, settings.maxSessions(), settings.maxSessionsPerHost(),
					settings.timeout(), settings.reuse(), settings.singleUseTickets(), settings.evictOnRejection(),
					settings.noInternalStore(), settings.noInternalLookup(), settings.handshakeTimeout());
		}

	}

	/**
	 * Handshakes by outcome.
	 *
	 * @param resumed resumed handshakes
	 * @param full full handshakes
	 * @param failed handshakes that did not complete
	 */
	public record HandshakesDescriptor(long resumed, long full, long failed) {
	}

	/**
	 * Offered sessions by the server's answer.
	 *
	 * @param accepted sessions the server resumed
	 * @param rejected sessions the server declined
	 */
	public record OffersDescriptor(long accepted, long rejected) {
	}

	/**
	 * One session, without secrets.
	 *
	 * @param host the upstream's host
	 * @param port the upstream's port
	 * @param protocol the protocol
	 * @param cipherSuite the cipher suite
	 * @param created when the handshake that made it took place
	 * @param expires when it stops being offered
	 * @param age how old it is
	 * @param timeLeft how long it may still be offered
	 * @param singleUse whether it may be offered only once
	 * @param idHash a salted hash of the session id
	 */
	public record SessionDescriptor(String host, int port, String protocol, String cipherSuite, Instant created,
			Instant expires, Duration age, Duration timeLeft, boolean singleUse, String idHash) {

		static SessionDescriptor of(TlsSession session, Instant now) {
			Duration timeLeft = Duration.between(now, session.expires());
			return new SessionDescriptor(session.key().host(), session.key().port(), session.protocol(),
					session.cipherSuite(), session.created(), session.expires(),
					Duration.between(session.created(), now), timeLeft.isNegative() ? Duration.ZERO : timeLeft,
					session.singleUse(), session.idHash());
		}

	}

	/**
	 * What a removal did.
	 *
	 * @param cache the cache
	 * @param upstream the upstream whose sessions were removed, or {@code null} for a
	 * flush
	 * @param removed the number of sessions removed
	 */
	public record RemovalDescriptor(String cache, @Nullable String upstream,
			int removed) implements OperationResponseBody {
	}

}
