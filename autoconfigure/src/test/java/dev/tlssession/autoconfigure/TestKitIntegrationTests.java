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

package dev.tlssession.autoconfigure;

import java.time.Duration;

import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstreamExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static dev.tlssession.test.TlsUpstreamAssertions.assertThat;

/**
 * The README's example of the test kit, as a user writes it: a service's client, bound to
 * a cache by host, resumes against the kit's upstream, and its meters agree with what the
 * upstream saw.
 */
@SpringBootTest(properties = { "tls.session.caches.payments.hosts=localhost",
		"tls.session.caches.payments.ssl-bundle=payments" })
class TestKitIntegrationTests {

	@RegisterExtension
	static final TlsUpstreamExtension upstream = TlsUpstreamExtension.of(ResumptionMode.TLS13);

	@DynamicPropertySource
	static void upstreamProperties(DynamicPropertyRegistry registry) {
		upstream.registerSslBundle(registry, "payments");
		registry.add("payments.base-url", upstream::url);
	}

	@Autowired
	PaymentsClient client;

	@Autowired
	MeterRegistry meterRegistry;

	@Test
	void paymentsClientResumesAndItsMetersAgreeWithTheUpstream() {
		for (int i = 0; i < 20; i++) {
			this.client.charge();
		}
		assertThat(upstream).lastConnections(20).haveResumedAtLeast(19);
		assertThat(upstream).agreesWithHandshakeMeters(this.meterRegistry, "payments");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class PaymentsApplication {

		@Bean
		PaymentsClient paymentsClient(WebClient.Builder builder, @Value("${payments.base-url}") String baseUrl) {
			return new PaymentsClient(builder.baseUrl(baseUrl).build());
		}

	}

	static class PaymentsClient {

		private final WebClient webClient;

		PaymentsClient(WebClient webClient) {
			this.webClient = webClient;
		}

		String charge() {
			return this.webClient.get().retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
		}

	}

}
