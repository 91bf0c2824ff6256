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

package dev.tlssession.openssl;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.tlssession.EvictionCause;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionStats;
import dev.tlssession.reactor.TlsSessionHttpClients;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.test.UpstreamHandshake;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import dev.tlssession.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Connections that end badly, checked against what the server saw: a fatal alert after
 * the response, an alert in the middle of a resumed handshake, tickets with a zero
 * lifetime. Each path keeps the native reference count equal to what the cache holds.
 */
class ConnectionFaultTests {

	private final OpenSslTlsSessionCache cache = cache();

	private final HttpClient newConnections = client(ConnectionProvider.newConnection());

	@AfterEach
	void close() {
		Waits.until("the cache holds what it counts", () -> this.cache.nativeSessionReferences() == this.cache.size());
		this.cache.close();
		assertThat(this.cache.nativeSessionReferences()).isZero();
	}

	@ParameterizedTest
	@EnumSource(ResumptionMode.class)
	void aFatalAlertAfterTheHandshakeInvalidatesTheSessionsOfThatConnection(ResumptionMode mode) {
		try (TlsUpstream server = TestServers.start(mode)) {
			assertThat(get(this.newConnections, server)).isEqualTo("ok");
			List<TlsSession> before = this.cache.sessions();
			server.alertMidResponse(true);
			server.resetCounts();
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> get(this.newConnections, server));
			assertThat(server.alertsSent()).isOne();
			server.alertMidResponse(false);
			// what the broken connection resumed (TLS 1.2) or received (TLS 1.3 tickets)
			// is no longer trusted
			Waits.until("the broken connection's sessions are invalidated",
					() -> this.cache.stats().evictions(EvictionCause.INVALIDATED) > 0);
			// nothing the broken connection made (TLS 1.3 tickets) or resumed (a TLS 1.2
			// session) is left; an older TLS 1.3 ticket of a connection that closed in
			// order still is
			assertThat(before).containsAll(this.cache.sessions());
			assertThat(this.cache.sessions()).hasSize((mode == ResumptionMode.TLS13) ? before.size() - 1 : 0);
			assertThat(get(this.newConnections, server)).isEqualTo("ok");
			assertThat(server.handshakes()).extracting(UpstreamHandshake::resumed)
				.containsExactly(true, mode == ResumptionMode.TLS13);
		}
	}

	@Test
	void anAlertInTheMiddleOfAResumedHandshakeRemovesTheOfferedSession() {
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS12_SESSION_IDS)) {
			assertThat(get(this.newConnections, server)).isEqualTo("ok");
			assertThat(this.cache.size()).isOne();
			server.breakHandshakes(true);
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> get(this.newConnections, server));
			server.breakHandshakes(false);
			TlsSessionStats stats = this.cache.stats();
			assertThat(stats.failedHandshakes()).isOne();
			assertThat(stats.evictions(EvictionCause.INVALIDATED)).isOne();
			assertThat(this.cache.size()).isZero();
			assertThat(get(this.newConnections, server)).isEqualTo("ok");
			assertThat(server.handshakes()).extracting(UpstreamHandshake::resumed).containsExactly(false, false);
			assertThat(server.failedHandshakes()).isOne();
		}
	}

	@Test
	void ticketsWithAZeroLifetimeAreNeitherKeptNorOffered() {
		try (TlsUpstream server = TestServers.startJdk(ResumptionMode.TLS13)) {
			server.sessionTimeout(0);
			for (int i = 0; i < 4; i++) {
				assertThat(get(this.newConnections, server)).isEqualTo("ok");
			}
			TlsSessionStats stats = this.cache.stats();
			assertThat(stats.dropped()).as("zero-lifetime tickets received and dropped").isPositive();
			assertThat(stats.stored()).isZero();
			assertThat(stats.offersAccepted() + stats.offersRejected()).isZero();
			assertThat(server.full()).isEqualTo(4);
		}
	}

	private String get(HttpClient client, TlsUpstream server) {
		return client.get()
			.uri(server.url("localhost"))
			.responseContent()
			.aggregate()
			.asString()
			.block(Duration.ofSeconds(10));
	}

	private HttpClient client(ConnectionProvider provider) {
		TlsSessionCaches caches = new TlsSessionCaches(List.of(this.cache), Map.of(), this.cache.name());
		return new TlsSessionHttpClients(caches).routed(LoopbackResolver.apply(HttpClient.create(provider)));
	}

	private static OpenSslTlsSessionCache cache() {
		try {
			return new OpenSslTlsSessionCache("faults", TlsSessionCacheSettings.DEFAULTS, TestPki.trust());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
