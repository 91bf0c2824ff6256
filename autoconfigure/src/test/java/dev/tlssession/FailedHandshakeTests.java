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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.tlssession.reactor.TlsSessionHttpClients;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A handshake that fails, for example because the server's certificate is not trusted,
 * counts as failed on both providers; a connection that never got to start a handshake
 * does not count at all.
 */
class FailedHandshakeTests {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	@ParameterizedTest
	@EnumSource(CacheProvider.class)
	void certificateVerificationFailureCountsAsFailed(CacheProvider provider) throws Exception {
		TlsMaterial otherTrust = new TlsMaterial(null, TestPki.create("Other CA").root().toTrustManagerFactory(), null,
				null);
		TlsSessionCache cache = provider.create("default", TlsSessionCacheSettings.DEFAULTS, otherTrust);
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13)) {
			for (int i = 0; i < 3; i++) {
				assertThatException().isThrownBy(() -> get(cache, server.url("api.test")));
			}
			TlsSessionStats stats = cache.stats();
			assertThat(stats.failedHandshakes()).as("failed handshakes").isEqualTo(3);
			assertThat(stats.fullHandshakes() + stats.resumedHandshakes()).isZero();
			assertThat(stats.stored()).isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(CacheProvider.class)
	void refusedConnectionIsNoHandshake(CacheProvider provider) throws Exception {
		TlsMaterial trust = TestPki.trust();
		TlsSessionCache cache = provider.create("default", TlsSessionCacheSettings.DEFAULTS, trust);
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		assertThatException().isThrownBy(() -> get(cache, "https://api.test:" + closedPort + "/"))
			.withRootCauseInstanceOf(IOException.class);
		TlsSessionStats stats = cache.stats();
		assertThat(stats.failedHandshakes() + stats.fullHandshakes() + stats.resumedHandshakes()).isZero();
	}

	private static String get(TlsSessionCache cache, String url) {
		TlsSessionCaches caches = new TlsSessionCaches(List.of(cache), Map.of(), cache.name());
		HttpClient client = new TlsSessionHttpClients(caches)
			.routed(LoopbackResolver.apply(HttpClient.create(ConnectionProvider.newConnection())));
		return client.get().uri(url).responseContent().aggregate().asString().block(REQUEST_TIMEOUT);
	}

}
