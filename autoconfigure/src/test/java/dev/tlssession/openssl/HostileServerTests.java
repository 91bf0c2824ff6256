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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.tlssession.EvictionCause;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.test.OpenSslServer;
import dev.tlssession.test.UpstreamHandshake;
import dev.tlssession.testsupport.Memory;
import dev.tlssession.testsupport.TestClient;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that floods every full handshake with a thousand TLS 1.3 tickets cannot grow
 * the cache past its bounds, in sessions or in heap.
 */
class HostileServerTests {

	private static final int MAX_SESSIONS = 16;

	private static final int MAX_PER_HOST = 4;

	@TempDir
	Path directory;

	@Test
	void aThousandTicketsPerConnectionKeepTheCacheAtItsBounds() throws Exception {
		try (OpenSslServer server = TestServers.sServerTls13(1000, this.directory)) {
			TlsSessionCacheSettings d = TlsSessionCacheSettings.DEFAULTS;
			OpenSslTlsSessionCache cache = new OpenSslTlsSessionCache("hostile",
					new TlsSessionCacheSettings(MAX_SESSIONS, MAX_PER_HOST, d.timeout(), true, true, true, false, false,
							d.handshakeTimeout()),
					TestPki.trust());
			TestClient client = new TestClient(cache);
			long heapBefore = Memory.usedHeapAfterGc();
			List<String> bodies = new ArrayList<>();
			for (int round = 0; round < 2; round++) {
				for (String host : TestPki.HOSTS) {
					bodies.add(client.get("https://" + host + ":" + server.port() + "/"));
					assertThat(cache.size()).isLessThanOrEqualTo(MAX_SESSIONS);
					Map<Object, Long> perHost = cache.sessions()
						.stream()
						.collect(Collectors.groupingBy(TlsSession::key, Collectors.counting()));
					assertThat(perHost.values()).allMatch((count) -> count <= MAX_PER_HOST);
				}
			}
			long heapAfter = Memory.usedHeapAfterGc();
			List<UpstreamHandshake> handshakes = server.handshakes(bodies);
			assertThat(handshakes.subList(0, TestPki.HOSTS.length)).extracting(UpstreamHandshake::resumed)
				.containsOnly(false);
			assertThat(cache.stats().stored()).as("tickets received").isGreaterThan(5000);
			assertThat(cache.stats().evictions(EvictionCause.CAPACITY)).isGreaterThan(5000);
			assertThat(heapAfter - heapBefore).as("heap growth after GC, bytes").isLessThan(16L << 20);
		}
	}

}
