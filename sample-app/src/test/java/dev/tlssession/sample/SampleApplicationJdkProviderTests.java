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
 * The sample as {@code java -jar ... --tls.session.provider=jdk} runs it (and as
 * {@code auto} runs it where netty-tcnative has no native library): it starts, and the
 * demo resumes, as the upstreams' servers confirm.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tls.session.provider=jdk")
@AutoConfigureWebTestClient(timeout = "PT60S")
class SampleApplicationJdkProviderTests {

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
	void demoResumesOnTheJdkProviderAsTheServersConfirm() {
		DemoController.DemoResult result = this.web.get()
			.uri("/demo?calls=40&concurrency=2")
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
			assertThat(cache.resumed() + cache.full()).isEqualTo(20);
			assertThat(server.resumed()).as(upstream + " resumed, as its server saw")
				.isPositive()
				.isEqualTo(cache.resumed());
			assertThat(server.full()).as(upstream + " full, as its server saw").isEqualTo(cache.full());
		}
		this.web.get()
			.uri("/actuator/tlssessions")
			.exchange()
			.expectBody()
			.jsonPath("$.caches.payments.provider")
			.isEqualTo("jdk");
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
