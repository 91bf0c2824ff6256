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

package dev.tlssession.autoconfigure.endpoint;

import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstreamExtension;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code tlssessions} endpoint and the meters through a running application, checked
 * against what the upstream's server (the test kit's) saw.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=tlssessions,metrics,health",
				"management.endpoint.health.show-details=always", "management.endpoint.tlssessions.access=unrestricted",
				"tls.session.caches.default.ssl-bundle=test", "tls.session.caches.payments.ssl-bundle=test",
				"tls.session.caches.payments.hosts=payments.test", "logging.level.dev.tlssession=TRACE" })
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class TlsSessionsEndpointWebIntegrationTests {

	@RegisterExtension
	static final TlsUpstreamExtension upstream = TlsUpstreamExtension
		.of(TestServers.builder(ResumptionMode.TLS12_SESSION_IDS));

	@Autowired
	WebTestClient actuator;

	@Autowired
	WebClient.Builder webClient;

	@DynamicPropertySource
	static void bundle(DynamicPropertyRegistry registry) {
		upstream.registerSslBundle(registry, "test");
	}

	@BeforeEach
	void reset() {
		this.actuator.delete()
			.uri("/actuator/tlssessions/default")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		this.actuator.delete()
			.uri("/actuator/tlssessions/payments")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		upstream.upstream().resetCounts();
	}

	@Test
	void describesEveryCacheWithHandshakesOffersSizeAndEvictions() {
		call("localhost", 3);
		call("payments.test", 2);
		this.actuator.get()
			.uri("/actuator/tlssessions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.defaultCache")
			.isEqualTo("default")
			.jsonPath("$.caches.default.provider")
			.isEqualTo("openssl")
			.jsonPath("$.caches.default.settings.maxSessions")
			.isEqualTo(1024)
			.jsonPath("$.caches.payments.settings.hosts[0]")
			.isEqualTo("payments.test")
			.jsonPath("$.caches.default.handshakes.resumed")
			.isNumber()
			.jsonPath("$.caches.payments.offers.accepted")
			.isNumber()
			.jsonPath("$.caches.default.size")
			.isEqualTo(1)
			.jsonPath("$.caches.default.evictions.flushed")
			.isNumber()
			.jsonPath("$.caches.default.reuseRatio")
			.isNumber();
		assertThat(upstream.upstream().full()).isEqualTo(2);
		assertThat(upstream.upstream().resumed()).isEqualTo(3);
	}

	@Test
	void describesTheSessionsOfOneCacheWithoutSecrets(CapturedOutput output) {
		call("localhost", 2);
		byte[] id = upstream.upstream().sessionIds().get(0);
		String body = this.actuator.get()
			.uri("/actuator/tlssessions/default")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"host\":\"localhost\"", "\"protocol\":\"TLSv1.2\"", "\"idHash\":");
		for (String form : forms(id)) {
			assertThat(body).doesNotContainIgnoringCase(form);
			assertThat(output.getAll()).doesNotContainIgnoringCase(form);
		}
	}

	@Test
	void listsAtMostTheRequestedNumberOfSessionsWithTheTotal() {
		call("localhost", 1);
		call("api.test", 1);
		call("other.test", 1);
		this.actuator.get()
			.uri("/actuator/tlssessions/default?limit=2")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(3)
			.jsonPath("$.sessions.length()")
			.isEqualTo(2);
		this.actuator.get()
			.uri("/actuator/tlssessions/default")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(3)
			.jsonPath("$.sessions.length()")
			.isEqualTo(3);
	}

	@Test
	void aLimitOutOfRangeIsABadRequest() {
		for (String limit : List.of("0", "-1", "10001")) {
			this.actuator.get()
				.uri("/actuator/tlssessions/default?limit=" + limit)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.message")
				.isEqualTo("limit must be from 1 to 10000, was " + limit);
		}
	}

	@Test
	void unknownCacheIsNotFoundWithAMessage() {
		this.actuator.get()
			.uri("/actuator/tlssessions/nope")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("No TLS session cache 'nope'; caches are [default, payments]");
		this.actuator.delete()
			.uri("/actuator/tlssessions/nope")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.returnResult();
	}

	@Test
	void removingAnUpstreamsSessionsCostsItOneFullHandshake() {
		call("localhost", 1);
		this.actuator.delete()
			.uri("/actuator/tlssessions/default?host=localhost&port=" + upstream.port())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.removed")
			.isEqualTo(1);
		call("localhost", 2);
		assertThat(upstream.upstream().full()).isEqualTo(2);
		assertThat(upstream.upstream().resumed()).isEqualTo(1);
	}

	@Test
	void flushingCostsOneFullHandshakeAndIsCounted() {
		call("localhost", 1);
		this.actuator.delete()
			.uri("/actuator/tlssessions/default")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.removed")
			.isEqualTo(1);
		call("localhost", 1);
		assertThat(upstream.upstream().full()).isEqualTo(2);
		this.actuator.get()
			.uri("/actuator/metrics/tls.session.cache.evictions?tag=cache:default&tag=cause:flushed")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[0].value")
			.value((value) -> assertThat(((Number) value).doubleValue()).isGreaterThanOrEqualTo(1));
	}

	@Test
	void aHostWithoutAPortIsABadRequest() {
		this.actuator.delete()
			.uri("/actuator/tlssessions/default?host=localhost")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.returnResult();
	}

	@Test
	void handshakeMetersAgreeWithTheServer() {
		double resumedBefore = handshakes("resumed");
		double fullBefore = handshakes("full");
		call("localhost", 4);
		assertThat(handshakes("resumed") - resumedBefore).isEqualTo(upstream.upstream().resumed());
		assertThat(handshakes("full") - fullBefore).isEqualTo(upstream.upstream().full());
	}

	@Test
	void healthReportsTheReuseRatioAndStaysUp() {
		call("localhost", 2);
		this.actuator.get()
			.uri("/actuator/health/tlsSessions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.details.default.reuseRatio")
			.isNumber()
			.jsonPath("$.details.window")
			.isEqualTo("PT5M");
	}

	private double handshakes(String outcome) {
		Double[] count = new Double[] { 0.0 };
		this.actuator.get()
			.uri("/actuator/metrics/tls.session.handshakes?tag=cache:default&tag=outcome:" + outcome)
			.exchange()
			.expectBody()
			.jsonPath("$.measurements[?(@.statistic == 'COUNT')].value")
			.value((value) -> count[0] = ((List<?>) value).isEmpty() ? 0.0
					: ((Number) ((List<?>) value).get(0)).doubleValue());
		return count[0];
	}

	private void call(String host, int times) {
		WebClient client = this.webClient.build();
		for (int i = 0; i < times; i++) {
			assertThat(client.get()
				.uri(upstream.url(host))
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(10))).isEqualTo("ok");
		}
	}

	private static List<String> forms(byte[] id) {
		return List.of(HexFormat.of().formatHex(id), Base64.getEncoder().encodeToString(id),
				Base64.getUrlEncoder().withoutPadding().encodeToString(id));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> loopbackResolver() {
			return LoopbackResolver.customizer();
		}

	}

}
