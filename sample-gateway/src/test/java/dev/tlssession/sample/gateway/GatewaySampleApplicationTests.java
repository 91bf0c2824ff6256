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

package dev.tlssession.sample.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the sample gateway, proxies 100 requests per route, 8 in flight, and checks that
 * the upstreams' servers, the caches and {@code /actuator/tlssessions} agree that the
 * gateway's connections resumed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
class GatewaySampleApplicationTests {

	private static final int REQUESTS = 100;

	@Autowired
	WebTestClient web;

	@Autowired
	LocalUpstreams upstreams;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstreamPorts(DynamicPropertyRegistry registry) {
		int orders = freePort();
		int inventory = freePort();
		registry.add("sample.local-upstreams.orders-port", () -> orders);
		registry.add("sample.local-upstreams.inventory-port", () -> inventory);
	}

	@Test
	void proxiedConnectionsResumeThroughTheirRoutesCaches() {
		for (String route : List.of("orders", "inventory")) {
			WebClient client = WebClient.create("http://127.0.0.1:" + this.port);
			List<Integer> statuses = Flux.range(0, REQUESTS)
				.flatMap((i) -> client.get()
					.uri("/" + route + "/" + i)
					.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())), 8)
				.collectList()
				.block(Duration.ofSeconds(60));
			assertThat(statuses).hasSize(REQUESTS).containsOnly(200);
		}
		for (String[] upstream : new String[][] { { "orders", "orders" }, { "inventory", "default" } }) {
			LocalUpstreams.ServerView server = this.upstreams.serverViews().get(upstream[0]);
			assertThat(server.resumed() + server.full()).isEqualTo(REQUESTS);
			assertThat(server.resumed()).as(upstream[0] + " resumed, as its server saw")
				.isGreaterThan(REQUESTS * 8 / 10);
			this.web.get()
				.uri("/actuator/tlssessions")
				.exchange()
				.expectBody()
				.jsonPath("$.caches." + upstream[1] + ".handshakes.resumed")
				.isEqualTo((int) server.resumed())
				.jsonPath("$.caches." + upstream[1] + ".handshakes.full")
				.isEqualTo((int) server.full());
		}
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
