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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

import dev.tlssession.reactor.TlsSessionHttpClients;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bursts of TLS 1.3 connections opened together to one upstream, on both providers with
 * the default settings, as the server counts them: each TLS 1.3 ticket serves one
 * connection, so a burst resumes only if the cache kept a ticket for each of its
 * connections. The first burst finds nothing and makes full handshakes; the bursts after
 * it must resume.
 */
class ConcurrentResumptionTests {

	private static final int CONCURRENCY = 8;

	private static final int BURSTS = 10;

	private static final TlsMaterial TRUST = new TlsMaterial(null, TestPki.get().trustManagerFactory(), null, null);

	@ParameterizedTest
	@EnumSource(CacheProvider.class)
	void burstsOfEightConnectionsResumeWithTheDefaultSettings(CacheProvider provider) throws Exception {
		TlsSessionCache cache = provider.create("default", TlsSessionCacheSettings.DEFAULTS, TRUST);
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13); TlsSessionCaches caches = caches(cache)) {
			HttpClient client = client(caches);
			burst(client, server);
			// the first burst starts with no ticket; a connection that starts after an
			// earlier one's tickets came may resume
			assertThat(server.full()).as("full handshakes of the first burst").isPositive();
			server.resetCounts();
			for (int i = 0; i < BURSTS; i++) {
				burst(client, server);
			}
			// a burst can lose a ticket only where the first burst's connections
			// overlapped unevenly
			assertThat(server.resumed()).as("resumed of %d connections, as the server saw them", BURSTS * CONCURRENCY)
				.isGreaterThanOrEqualTo(BURSTS * CONCURRENCY * 95 / 100);
			assertThat(cache.stats().resumedHandshakes()).as("the cache's own count").isEqualTo(server.resumed());
		}
	}

	@ParameterizedTest
	@EnumSource(CacheProvider.class)
	void maxSessionsPerHostBoundsTheTicketsKeptForAnUpstream(CacheProvider provider) throws Exception {
		int bound = 2;
		TlsSessionCacheSettings d = TlsSessionCacheSettings.DEFAULTS;
		TlsSessionCache cache = provider.create("default", new TlsSessionCacheSettings(d.maxSessions(), bound,
				d.timeout(), true, true, true, false, false, d.handshakeTimeout()), TRUST);
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13); TlsSessionCaches caches = caches(cache)) {
			HttpClient client = client(caches);
			TlsSessionKey upstream = new TlsSessionKey("localhost", server.port());
			burst(client, server);
			for (int i = 0; i < BURSTS; i++) {
				server.resetCounts();
				burst(client, server);
				if (provider == CacheProvider.OPENSSL) {
					assertThat(perHost(cache)).as("sessions kept for the upstream")
						.allSatisfy((key, count) -> assertThat(count).isLessThanOrEqualTo(bound));
				}
				else {
					// the JDK keeps its tickets per host and port: each lane is one more
					// port of the upstream
					assertThat(jdkPorts(cache, upstream)).as("ports the JDK keeps sessions of the upstream under")
						.isBetween(1L, (long) bound);
				}
			}
		}
	}

	private static void burst(HttpClient client, TlsUpstream server) {
		List<String> bodies = Flux.range(0, CONCURRENCY)
			.flatMap((i) -> client.get().uri(server.url("localhost")).responseContent().aggregate().asString(),
					CONCURRENCY)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(bodies).hasSize(CONCURRENCY).containsOnly("ok");
	}

	private static long jdkPorts(TlsSessionCache cache, TlsSessionKey upstream) {
		SSLSessionContext context = cache.sslContext().sessionContext();
		return Collections.list(context.getIds())
			.stream()
			.map(context::getSession)
			.filter(Objects::nonNull)
			.filter((session) -> upstream.host().equals(session.getPeerHost())
					&& (session.getPeerPort() & 0xFFFF) == upstream.port())
			.mapToInt(SSLSession::getPeerPort)
			.distinct()
			.count();
	}

	private static Map<TlsSessionKey, Long> perHost(TlsSessionCache cache) {
		return cache.sessions().stream().collect(Collectors.groupingBy(TlsSession::key, Collectors.counting()));
	}

	private static TlsSessionCaches caches(TlsSessionCache cache) {
		return new TlsSessionCaches(List.of(cache), Map.of(), cache.name());
	}

	private static HttpClient client(TlsSessionCaches caches) {
		return new TlsSessionHttpClients(caches)
			.routed(LoopbackResolver.apply(HttpClient.create(ConnectionProvider.newConnection())));
	}

}
