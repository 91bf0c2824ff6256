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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.tlssession.reactor.TlsSessionHttpClients;
import dev.tlssession.test.OpenSslServer;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.test.UpstreamHandshake;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cache is bounded in total, per upstream and in time, whatever the servers send,
 * as the servers confirm.
 * <p>
 * The JDK keeps and evicts sessions itself and tells nobody: its bounds hold (asserted),
 * but capacity and expiry evictions are counted only by the openssl provider. The JDK
 * (17) also has two indexes: by id, which {@code getIds()} and so {@code sessions()} and
 * {@code size()} list, with one entry per TLS 1.3 ticket plus one for the handshake; and
 * by host:port, one entry per upstream, which is what it offers. Each is bounded by
 * max-sessions and evicted on its own, so the list can miss upstreams that still resume.
 */
class CacheBoundsTests {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private static final TlsMaterial TRUST = TestPki.trust();

	@TempDir
	Path directory;

	@ParameterizedTest
	@MethodSource("dev.tlssession.CacheProvider#withEveryMode")
	void moreUpstreamsThanMaxSessionsKeepTheNewest(CacheProvider provider, ResumptionMode mode) throws Exception {
		int maxSessions = 5;
		TlsSessionCache cache = provider.create("default", settings(maxSessions, 1, Duration.ofHours(1)), TRUST);
		HttpClient client = client(cache);
		try (TlsUpstream first = TestServers.start(mode); TlsUpstream second = TestServers.start(mode)) {
			List<Upstream> upstreams = new ArrayList<>();
			for (TlsUpstream server : List.of(first, second)) {
				for (String host : TestPki.HOSTS) {
					upstreams.add(new Upstream(server, host));
				}
			}
			assertThat(upstreams).hasSizeGreaterThan(maxSessions);
			for (Upstream upstream : upstreams) {
				assertThat(upstream.get(client).resumed()).as("first connection to %s", upstream).isFalse();
				assertThat(cache.size()).as("size after %s", upstream).isLessThanOrEqualTo(maxSessions);
				assertThat(cache.sessions()).hasSizeLessThanOrEqualTo(maxSessions);
			}
			assertThat(cache.size()).isEqualTo(maxSessions);
			TlsSessionStats stats = cache.stats();
			if (provider == CacheProvider.OPENSSL) {
				// BoringSSL servers send 2 TLS 1.3 tickets per connection; the per-host
				// bound of 1 drops one
				int perConnection = (mode == ResumptionMode.TLS13) ? 2 : 1;
				assertThat(stats.stored()).isEqualTo((long) upstreams.size() * perConnection);
				assertThat(stats.evictions(EvictionCause.CAPACITY)).as("capacity evictions")
					.isEqualTo(stats.stored() - maxSessions);
			}
			// newest first: the last upstreams still resume, the ones that overflowed
			// make a full handshake
			List<Upstream> newestFirst = new ArrayList<>(upstreams);
			Collections.reverse(newestFirst);
			List<Boolean> resumed = new ArrayList<>();
			for (Upstream upstream : newestFirst) {
				resumed.add(upstream.get(client).resumed());
				assertThat(cache.size()).isLessThanOrEqualTo(maxSessions);
			}
			assertThat(resumed.subList(0, maxSessions)).as("the newest upstreams, as the servers saw them")
				.containsOnly(true);
			assertThat(resumed.subList(maxSessions, resumed.size())).as("the evicted ones").containsOnly(false);
		}
	}

	@Test
	void moreTicketsPerConnectionThanMaxSessionsPerHost() throws Exception {
		// BoringSSL servers send 2 tickets per connection and tcnative cannot change that
		// (SSLContext.setNumTickets returns false on BoringSSL), so the bound is 1 here;
		// s_server sends more below. The JDK has no per-host bound to check: it lists
		// every ticket it received (until max-sessions or the timeout evicts it) and
		// offers from its host:port index, which holds one session per upstream.
		TlsSessionCache cache = CacheProvider.OPENSSL.create("default", settings(1024, 1, Duration.ofHours(1)), TRUST);
		HttpClient client = client(cache);
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13)) {
			for (int i = 0; i < 5; i++) {
				get(client, server.url("api.test"));
				assertThat(perHost(cache)).as("sessions per upstream after connection %d", i + 1)
					.containsOnlyKeys(new TlsSessionKey("api.test", server.port()))
					.allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
			}
			assertThat(server.handshakes()).extracting(UpstreamHandshake::resumed)
				.containsExactly(false, true, true, true, true);
			TlsSessionStats stats = cache.stats();
			assertThat(stats.stored()).as("tickets stored").isEqualTo(10);
			assertThat(stats.evictions(EvictionCause.SINGLE_USE)).isEqualTo(4);
			assertThat(stats.evictions(EvictionCause.CAPACITY)).isEqualTo(5);
			assertThat(stats.size()).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(CacheProvider.class)
	void serverSendingTwentyTicketsPerConnection(CacheProvider provider) throws Exception {
		int maxSessions = 8;
		int maxPerHost = 4;
		TlsSessionCache cache = provider.create("default", settings(maxSessions, maxPerHost, Duration.ofHours(1)),
				TRUST);
		HttpClient client = client(cache);
		try (OpenSslServer server = TestServers.sServerTls13(20, this.directory)) {
			List<UpstreamHandshake> handshakes = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				handshakes.add(OpenSslServer.handshake(get(client, server.url("api.test"))));
				assertThat(cache.size()).as("size after connection %d", i + 1).isLessThanOrEqualTo(maxSessions);
				if (provider == CacheProvider.OPENSSL) {
					// one connection at a time needs fewer than 20: the cache keeps its
					// minimum, here the bound
					assertThat(perHost(cache)).as("sessions per upstream after connection %d", i + 1)
						.allSatisfy((key, count) -> assertThat(count).isEqualTo(maxPerHost));
				}
			}
			assertThat(handshakes).extracting(UpstreamHandshake::resumed)
				.as("resumed, per connection, as s_server saw it")
				.containsExactly(false, true, true, true, true);
			if (provider == CacheProvider.OPENSSL) {
				TlsSessionStats stats = cache.stats();
				// 20 tickets after the full handshake, then 1 after each resumption
				// (OpenSSL's rule)
				assertThat(stats.stored()).isEqualTo(24);
				assertThat(stats.evictions(EvictionCause.SINGLE_USE)).isEqualTo(4);
				assertThat(stats.evictions(EvictionCause.CAPACITY)).isEqualTo(16);
				assertThat(stats.size()).isEqualTo(maxPerHost);
			}
		}
	}

	@ParameterizedTest
	@MethodSource("dev.tlssession.CacheProvider#withEveryMode")
	void flushOfAFullCacheLeavesNothingToResume(CacheProvider provider, ResumptionMode mode) throws Exception {
		// with 2 tickets per connection the JDK's by-id index (what getIds() lists)
		// overflows before its host:port index (what it offers from), so invalidating the
		// listed sessions alone left sessions that still resumed
		TlsSessionCache cache = provider.create("default", settings(3, 3, Duration.ofHours(1)), TRUST);
		HttpClient client = client(cache);
		List<String> hosts = List.of("api.test", "other.test", "payments.test");
		try (TlsUpstream server = TestServers.start(mode)) {
			hosts.forEach((host) -> get(client, server.url(host)));
			assertThat(cache.flush()).isPositive();
			assertThat(cache.size()).isZero();
			assertThat(cache.sessions()).isEmpty();
			hosts.forEach((host) -> get(client, server.url(host)));
			assertThat(server.handshakes()).extracting(UpstreamHandshake::resumed)
				.as("resumed, per connection, as the server saw it")
				.containsExactly(false, false, false, false, false, false);
		}
	}

	@ParameterizedTest
	@MethodSource("dev.tlssession.CacheProvider#withEveryMode")
	void expiredSessionsAreNotOffered(CacheProvider provider, ResumptionMode mode) throws Exception {
		// two seconds: a session that outlives its whole lifetime in a slow handshake is
		// rightly never kept
		TlsSessionCache cache = provider.create("default", settings(1024, 4, Duration.ofSeconds(2)), TRUST);
		HttpClient client = client(cache);
		try (TlsUpstream server = TestServers.start(mode)) {
			Instant before = Instant.now();
			get(client, server.url("api.test"));
			List<TlsSession> sessions = cache.sessions();
			assertThat(sessions).isNotEmpty();
			Instant expiry = sessions.stream().map(TlsSession::expires).max(Comparator.naturalOrder()).get();
			assertThat(expiry).isBeforeOrEqualTo(Instant.now().plusSeconds(2));
			Duration wait = Duration.between(Instant.now(), expiry).plusMillis(50);
			assertThat(wait).isLessThan(Duration.ofMillis(2100));
			Thread.sleep(Math.max(0, wait.toMillis()));
			get(client, server.url("api.test"));
			assertThat(server.handshakes()).extracting(UpstreamHandshake::resumed)
				.as("resumed, per connection, as the server saw it")
				.containsExactly(false, false);
			TlsSessionStats stats = cache.stats();
			assertThat(stats.fullHandshakes()).isEqualTo(2);
			if (provider == CacheProvider.OPENSSL) {
				assertThat(stats.evictions(EvictionCause.EXPIRED)).as("expired evictions").isEqualTo(sessions.size());
				assertThat(stats.offersAccepted() + stats.offersRejected()).as("offers").isZero();
			}
			assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
		}
	}

	private static TlsSessionCacheSettings settings(int maxSessions, int maxSessionsPerHost, Duration timeout) {
		TlsSessionCacheSettings defaults = TlsSessionCacheSettings.DEFAULTS;
		return new TlsSessionCacheSettings(maxSessions, maxSessionsPerHost, timeout, defaults.reuse(),
				defaults.singleUseTickets(), defaults.evictOnRejection(), defaults.noInternalStore(),
				defaults.noInternalLookup(), defaults.handshakeTimeout());
	}

	private static Map<TlsSessionKey, Long> perHost(TlsSessionCache cache) {
		return cache.sessions().stream().collect(Collectors.groupingBy(TlsSession::key, Collectors.counting()));
	}

	private static HttpClient client(TlsSessionCache cache) {
		TlsSessionCaches caches = new TlsSessionCaches(List.of(cache), Map.of(), cache.name());
		return new TlsSessionHttpClients(caches)
			.routed(LoopbackResolver.apply(HttpClient.create(ConnectionProvider.newConnection())));
	}

	private static String get(HttpClient client, String url) {
		return client.get().uri(url).responseContent().aggregate().asString().block(REQUEST_TIMEOUT);
	}

	private record Upstream(TlsUpstream server, String host) {

		/**
		 * Makes one request and returns the handshake the server saw for it.
		 */
		UpstreamHandshake get(HttpClient client) {
			int before = this.server.handshakes().size();
			assertThat(CacheBoundsTests.get(client, this.server.url(this.host))).isEqualTo("ok");
			List<UpstreamHandshake> handshakes = this.server.handshakes();
			assertThat(handshakes).hasSize(before + 1);
			UpstreamHandshake handshake = handshakes.get(before);
			// neither Netty nor the JDK sends SNI for a name without a dot
			assertThat(handshake.serverName()).isEqualTo(this.host.contains(".") ? this.host : null);
			return handshake;
		}

		@Override
		public String toString() {
			return this.host + ":" + this.server.port();
		}

	}

}
