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

package dev.tlssession.reactor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLException;

import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsProvider;
import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionStats;
import dev.tlssession.jdk.JdkTlsSessionCache;
import dev.tlssession.netty.ConnectionErrorHandler;
import dev.tlssession.netty.HandshakeGate;
import dev.tlssession.openssl.OpenSslTlsSessionCache;
import dev.tlssession.routing.RoutingSslContext;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Securing a Reactor Netty client twice, with the same routing context or routed and then
 * bound to one cache, is harmless on both providers: every connection gets the starter's
 * handlers once, works, and resumes as the server counts it.
 */
class TlsSessionHttpClientsTests {

	private static final TlsMaterial TRUST = TestPki.trust();

	private static final int CONNECTIONS = 5;

	private final List<Integer> gates = new CopyOnWriteArrayList<>();

	private final List<Integer> errorHandlers = new CopyOnWriteArrayList<>();

	@ParameterizedTest
	@EnumSource(TlsProvider.class)
	void aClientSecuredTwiceWithTheSameContextGetsTheHandlersOnceAndResumes(TlsProvider provider) throws Exception {
		TlsSessionCache cache = cache(provider, "a");
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13);
				TlsSessionCaches caches = new TlsSessionCaches(List.of(cache), Map.of(), "a")) {
			RoutingSslContext context = caches.sslContext();
			HttpClient client = counting(
					TlsSessionHttpClients.secure(TlsSessionHttpClients.secure(base(), context), context));
			requests(client, server);
			assertResumedAfterTheFirst(server, cache);
		}
	}

	@ParameterizedTest
	@EnumSource(TlsProvider.class)
	void aRoutedClientBoundToACacheAfterwardsUsesThatCacheWithTheHandlersOnce(TlsProvider provider) throws Exception {
		TlsSessionCache routedTo = cache(provider, "a");
		TlsSessionCache boundTo = cache(provider, "b");
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13);
				TlsSessionCaches caches = new TlsSessionCaches(List.of(routedTo, boundTo), Map.of(), "a")) {
			TlsSessionHttpClients clients = new TlsSessionHttpClients(caches);
			HttpClient client = counting(clients.fromCache(clients.routed(base()), "b"));
			requests(client, server);
			assertResumedAfterTheFirst(server, boundTo);
			TlsSessionStats routedStats = routedTo.stats();
			assertThat(routedStats.fullHandshakes() + routedStats.resumedHandshakes() + routedStats.failedHandshakes())
				.as("handshakes of the cache the host routes to")
				.isZero();
		}
	}

	/**
	 * Counts, per connection, the handshake gates when the channel is initialized (the
	 * gate leaves once the connection is active) and the connection error handlers once
	 * it is connected.
	 */
	private HttpClient counting(HttpClient client) {
		return client
			.doOnChannelInit(
					(observer, channel, address) -> this.gates.add(count(channel.pipeline(), HandshakeGate.class)))
			.doOnConnected((connection) -> this.errorHandlers
				.add(count(connection.channel().pipeline(), ConnectionErrorHandler.class)));
	}

	private void requests(HttpClient client, TlsUpstream server) {
		for (int i = 0; i < CONNECTIONS; i++) {
			assertThat(client.get()
				.uri(server.url("localhost"))
				.responseContent()
				.aggregate()
				.asString()
				.block(Duration.ofSeconds(10))).isEqualTo("ok");
		}
		assertThat(this.gates).as("handshake gates per connection").hasSize(CONNECTIONS).containsOnly(1);
		assertThat(this.errorHandlers).as("connection error handlers per connection")
			.hasSize(CONNECTIONS)
			.containsOnly(1);
	}

	private static void assertResumedAfterTheFirst(TlsUpstream server, TlsSessionCache cache) {
		assertThat(server.full()).as("full handshakes the server saw").isEqualTo(1);
		assertThat(server.resumed()).as("resumed handshakes the server saw").isEqualTo(CONNECTIONS - 1);
		TlsSessionStats stats = cache.stats();
		assertThat(stats.fullHandshakes()).as("full handshakes of cache '%s'", cache.name()).isEqualTo(1);
		assertThat(stats.resumedHandshakes()).as("resumed handshakes of cache '%s'", cache.name())
			.isEqualTo(CONNECTIONS - 1);
	}

	private static int count(ChannelPipeline pipeline, Class<? extends ChannelHandler> type) {
		int count = 0;
		for (Map.Entry<String, ChannelHandler> handler : pipeline) {
			if (type.isInstance(handler.getValue())) {
				count++;
			}
		}
		return count;
	}

	private static HttpClient base() {
		return LoopbackResolver.apply(HttpClient.create(ConnectionProvider.newConnection()));
	}

	private static TlsSessionCache cache(TlsProvider provider, String name) throws SSLException {
		return switch (provider) {
			case OPENSSL -> new OpenSslTlsSessionCache(name, TlsSessionCacheSettings.DEFAULTS, TRUST);
			case JDK -> new JdkTlsSessionCache(name, TlsSessionCacheSettings.DEFAULTS, TRUST);
		};
	}

}
