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

package dev.tlssession.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the sample, runs the demo, and checks that most handshakes resumed, that the
 * local upstreams' servers saw the same, and that the endpoint and the meters agree.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
class SampleApplicationTests {

	@Autowired
	WebTestClient web;

	@DynamicPropertySource
	static void upstreamPorts(DynamicPropertyRegistry registry) {
		int payments = freePort();
		int catalog = freePort();
		registry.add("sample.local-upstreams.payments-port", () -> payments);
		registry.add("sample.local-upstreams.catalog-port", () -> catalog);
	}

	@Test
	void mostHandshakesResumeAndEveryViewAgrees() {
		DemoController.DemoResult result = this.web.get()
			.uri("/demo?calls=200&concurrency=8")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(DemoController.DemoResult.class)
			.returnResult()
			.getResponseBody();
		assertThat(result.failures()).isZero();
		for (String upstream : new String[] { "payments", "catalog" }) {
			DemoController.CacheResult cache = result.caches().get(upstream);
			LocalUpstreams.ServerView server = result.servers().get(upstream);
			assertThat(cache.resumed() + cache.full()).isEqualTo(100);
			assertThat(cache.reuseRatio()).as(upstream + " reuse ratio").isGreaterThan(0.8);
			assertThat(server.resumed()).as(upstream + " resumed, as its server saw").isEqualTo(cache.resumed());
			assertThat(server.full()).as(upstream + " full, as its server saw").isEqualTo(cache.full());
			this.web.get()
				.uri("/actuator/tlssessions")
				.exchange()
				.expectBody()
				.jsonPath("$.caches." + upstream + ".handshakes.resumed")
				.isEqualTo((int) cache.resumed());
		}
		this.web.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains(
					"tls_session_handshakes_seconds_count{cache=\"payments\",outcome=\"resumed\",protocol=\"TLSv1.3\",provider=\"openssl\"} "
							+ result.caches().get("payments").resumed()));
	}

	@Test
	void refusesUnboundedRuns() {
		this.web.get().uri("/demo?calls=1000000").exchange().expectStatus().isBadRequest();
	}

	@Test
	void healthIsUpWithTheReuseRatio() {
		this.web.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.tlsSessions.status")
			.isEqualTo("UP");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
