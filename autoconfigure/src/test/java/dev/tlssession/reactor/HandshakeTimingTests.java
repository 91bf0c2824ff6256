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

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.openssl.OpenSslTlsSessionCache;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the Reactor Netty binding, a handshake is timed from the connection becoming
 * active: name resolution and the TCP connect that come before are not part of it.
 */
class HandshakeTimingTests {

	private static final Duration RESOLUTION_DELAY = Duration.ofSeconds(1);

	@Test
	void handshakeDurationLeavesOutNameResolution() throws Exception {
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13)) {
			OpenSslTlsSessionCache cache = new OpenSslTlsSessionCache("a", TlsSessionCacheSettings.DEFAULTS,
					TestPki.trust());
			TlsSessionCaches caches = new TlsSessionCaches(List.of(cache), Map.of(), "a");
			List<Long> durations = new CopyOnWriteArrayList<>();
			caches.addHandshakeListener((c, key, outcome, protocol, nanos) -> durations.add(nanos));
			HttpClient client = new TlsSessionHttpClients(caches)
				.routed(HttpClient.create(ConnectionProvider.newConnection()).resolver(new SlowResolver()));
			long start = System.nanoTime();
			client.get()
				.uri(server.url("localhost"))
				.responseContent()
				.aggregate()
				.asString()
				.block(Duration.ofSeconds(10));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(RESOLUTION_DELAY);
			assertThat(durations).hasSize(1);
			assertThat(Duration.ofNanos(durations.get(0))).isLessThan(RESOLUTION_DELAY);
		}
	}

	/**
	 * Resolves every name to loopback, after a delay, without blocking its event loop.
	 */
	static final class SlowResolver extends AddressResolverGroup<InetSocketAddress> {

		@Override
		protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
			return new AbstractAddressResolver<>(executor) {

				@Override
				protected boolean doIsResolved(InetSocketAddress address) {
					return !address.isUnresolved();
				}

				@Override
				protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
					executor().schedule(() -> promise.setSuccess(loopback(unresolved)), RESOLUTION_DELAY.toMillis(),
							TimeUnit.MILLISECONDS);
				}

				@Override
				protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
					executor().schedule(() -> promise.setSuccess(List.of(loopback(unresolved))),
							RESOLUTION_DELAY.toMillis(), TimeUnit.MILLISECONDS);
				}

			};
		}

		private static InetSocketAddress loopback(InetSocketAddress unresolved) {
			return new InetSocketAddress(InetAddress.getLoopbackAddress(), unresolved.getPort());
		}

	}

}
