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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import dev.tlssession.reactor.TlsSessionHttpClients;
import dev.tlssession.test.IndependentServer;
import dev.tlssession.test.NginxServer;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.UpstreamHandshake;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resumption against servers nobody on the team wrote, nginx and {@code openssl s_server}
 * (both OpenSSL 3), on both providers: what the server saw is what counts, and the
 * cache's statistics must agree with it.
 * <p>
 * Every setup here resumes every connection after the first, on both providers, TLS 1.3
 * and 1.2, tickets and session ids, also with the client limited to TLS 1.2. s_server
 * ({@code -www}) ends every connection without a close_notify ({@code SSL_set_shutdown}
 * instead of {@code SSL_shutdown}: "make sure we re-use sessions" in
 * {@code apps/s_server.c}); like OpenSSL, the cache drops a session only if the
 * <em>client</em> did not shut down cleanly, and Netty closes the client's outbound side
 * when the peer goes away, before the cache looks, so nothing is invalidated (asserted
 * below).
 * <p>
 * Setups that do not resume, by design: a cache with {@code reuse=false} (checked below,
 * which also shows that the servers' views are not always "resumed"), and a server that
 * forgot its sessions or rotated its ticket keys (one full handshake, then resumption
 * again).
 */
class IndependentServerResumptionTests {

	private static final int REQUESTS = 20;

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path directory;

	static Stream<Arguments> setups() {
		List<Arguments> setups = new ArrayList<>();
		for (CacheProvider provider : CacheProvider.values()) {
			for (Server server : Server.values()) {
				for (ResumptionMode mode : ResumptionMode.values()) {
					setups.add(Arguments.of(provider, server, mode, ClientProtocols.DEFAULT));
					if (mode != ResumptionMode.TLS13) {
						setups.add(Arguments.of(provider, server, mode, ClientProtocols.TLS12_ONLY));
					}
				}
			}
		}
		return setups.stream();
	}

	static Stream<Arguments> everyProviderServerAndMode() {
		return setups().filter((arguments) -> arguments.get()[3] == ClientProtocols.DEFAULT);
	}

	@ParameterizedTest(name = "{0} client ({3}) to {1} {2}")
	@MethodSource("setups")
	void serverResumesEveryConnectionAfterTheFirst(CacheProvider provider, Server kind, ResumptionMode mode,
			ClientProtocols protocols) throws Exception {
		TlsSessionCache cache = provider.create("default", TlsSessionCacheSettings.DEFAULTS, protocols.material());
		HttpClient client = client(cache);
		try (IndependentServer server = kind.start(mode, this.directory)) {
			List<String> bodies = get(client, server, REQUESTS);
			List<UpstreamHandshake> handshakes = server.handshakes(bodies);
			assertThat(handshakes).as("handshakes the server saw").hasSize(REQUESTS);
			assertThat(handshakes).extracting(UpstreamHandshake::resumed)
				.as("resumed, per request, as the server saw it")
				.containsExactlyElementsOf(firstFullThenResumed(REQUESTS));
			assertThat(handshakes).extracting(UpstreamHandshake::protocol)
				.containsOnly((mode == ResumptionMode.TLS13) ? "TLSv1.3" : "TLSv1.2");
			TlsSessionStats stats = cache.stats();
			assertThat(stats.fullHandshakes()).as("full handshakes the cache counted").isEqualTo(full(handshakes));
			assertThat(stats.resumedHandshakes()).as("resumed handshakes the cache counted")
				.isEqualTo(resumed(handshakes));
			assertThat(stats.failedHandshakes()).isZero();
			assertThat(stats.evictions(EvictionCause.INVALIDATED)).as("sessions dropped as bad").isZero();
		}
	}

	@ParameterizedTest(name = "{0} client to {1} {2}")
	@MethodSource("everyProviderServerAndMode")
	void cacheWithReuseOffMakesEveryHandshakeFull(CacheProvider provider, Server kind, ResumptionMode mode,
			ClientProtocols protocols) throws Exception {
		TlsSessionCacheSettings noReuse = new TlsSessionCacheSettings(1024, 4, Duration.ofHours(1), false, true, true,
				false, false, Duration.ofSeconds(10));
		TlsSessionCache cache = provider.create("default", noReuse, protocols.material());
		HttpClient client = client(cache);
		try (IndependentServer server = kind.start(mode, this.directory)) {
			List<String> bodies = get(client, server, 3);
			assertThat(server.handshakes(bodies)).extracting(UpstreamHandshake::resumed)
				.as("resumed, per request, as the server saw it")
				.containsExactly(false, false, false);
			assertThat(cache.stats().fullHandshakes()).isEqualTo(3);
			assertThat(cache.stats().resumedHandshakes()).isZero();
		}
	}

	@ParameterizedTest(name = "{0} client to {1} {2}")
	@MethodSource("everyProviderServerAndMode")
	void serverThatForgetsItsSessionsCostsOneFullHandshake(CacheProvider provider, Server kind, ResumptionMode mode,
			ClientProtocols protocols) throws Exception {
		TlsSessionCache cache = provider.create("default", TlsSessionCacheSettings.DEFAULTS, protocols.material());
		HttpClient client = client(cache);
		try (IndependentServer server = kind.start(mode, this.directory)) {
			List<String> bodies = new ArrayList<>(get(client, server, 3));
			server.forgetSessions();
			bodies.addAll(get(client, server, 3));
			assertThat(server.handshakes(bodies)).extracting(UpstreamHandshake::resumed)
				.as("resumed, per request, as the server saw it")
				.containsExactly(false, true, true, false, true, true);
			TlsSessionStats stats = cache.stats();
			assertThat(stats.fullHandshakes()).isEqualTo(2);
			assertThat(stats.resumedHandshakes()).isEqualTo(4);
			assertThat(stats.failedHandshakes()).isZero();
			if (provider == CacheProvider.OPENSSL) {
				assertThat(stats.offersRejected()).as("offers the server declined").isEqualTo(1);
				// a TLS 1.3 ticket left the cache when it was offered (single use); a TLS
				// 1.2 session stays until the server declines it
				assertThat(stats.evictions(EvictionCause.REJECTED)).isEqualTo((mode == ResumptionMode.TLS13) ? 0 : 1);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(CacheProvider.class)
	void nginxRestartedWithTheSameTicketKeyStillResumesTickets(CacheProvider provider) throws Exception {
		for (ResumptionMode mode : List.of(ResumptionMode.TLS13, ResumptionMode.TLS12_TICKETS)) {
			TlsSessionCache cache = provider.create("default", TlsSessionCacheSettings.DEFAULTS,
					ClientProtocols.DEFAULT.material());
			HttpClient client = client(cache);
			try (NginxServer server = TestServers.nginx(mode, this.directory.resolve(mode.name()))) {
				List<String> bodies = new ArrayList<>(get(client, server, 2));
				server.restart();
				bodies.addAll(get(client, server, 2));
				assertThat(server.handshakes(bodies)).extracting(UpstreamHandshake::resumed)
					.as("resumed, per request, as nginx %s saw it", mode)
					.containsExactly(false, true, true, true);
				assertThat(cache.stats().resumedHandshakes()).isEqualTo(3);
			}
		}
	}

	private static HttpClient client(TlsSessionCache cache) {
		TlsSessionCaches caches = new TlsSessionCaches(List.of(cache), Map.of(), cache.name());
		return new TlsSessionHttpClients(caches)
			.routed(LoopbackResolver.apply(HttpClient.create(ConnectionProvider.newConnection())));
	}

	private static List<String> get(HttpClient client, IndependentServer server, int requests) {
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			String body = client.get()
				.uri(server.url("localhost"))
				.responseSingle((response, content) -> content.asString().defaultIfEmpty("").map((text) -> {
					assertThat(response.status().code()).as("status of %s", text).isEqualTo(200);
					return text;
				}))
				.block(REQUEST_TIMEOUT);
			bodies.add(body);
		}
		return bodies;
	}

	private static List<Boolean> firstFullThenResumed(int requests) {
		List<Boolean> expected = new ArrayList<>(Collections.nCopies(requests, true));
		expected.set(0, false);
		return expected;
	}

	private static long full(List<UpstreamHandshake> handshakes) {
		return handshakes.stream().filter((handshake) -> !handshake.resumed()).count();
	}

	private static long resumed(List<UpstreamHandshake> handshakes) {
		return handshakes.stream().filter(UpstreamHandshake::resumed).count();
	}

	/**
	 * The independent servers.
	 */
	enum Server {

		NGINX(TestServers::nginx), S_SERVER(TestServers::sServer);

		private final BiFunction<ResumptionMode, Path, IndependentServer> start;

		Server(BiFunction<ResumptionMode, Path, IndependentServer> start) {
			this.start = start;
		}

		IndependentServer start(ResumptionMode mode, Path directory) {
			return this.start.apply(mode, directory);
		}

	}

	/**
	 * The protocols the client enables.
	 */
	enum ClientProtocols {

		/** The provider's defaults: TLS 1.2 and 1.3. */
		DEFAULT(null),

		/** TLS 1.2 only, as clients of old upstreams are sometimes configured. */
		TLS12_ONLY(List.of("TLSv1.2"));

		private final List<String> protocols;

		ClientProtocols(List<String> protocols) {
			this.protocols = protocols;
		}

		TlsMaterial material() {
			return new TlsMaterial(null, TestPki.get().root().toTrustManagerFactory(), this.protocols, null);
		}

	}

}
