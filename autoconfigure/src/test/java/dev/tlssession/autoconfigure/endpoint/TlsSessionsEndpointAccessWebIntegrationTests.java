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

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The endpoint follows least privilege: exposed, it reads, but flushing or removing
 * sessions needs {@code management.endpoint.tlssessions.access=unrestricted}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=tlssessions")
@AutoConfigureWebTestClient
class TlsSessionsEndpointAccessWebIntegrationTests {

	@Autowired
	WebTestClient actuator;

	@Test
	void readsByDefault() {
		this.actuator.get().uri("/actuator/tlssessions").exchange().expectStatus().isOk().expectBody().returnResult();
		this.actuator.get()
			.uri("/actuator/tlssessions/default")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
	}

	@Test
	void refusesToFlushOrRemoveByDefault() {
		for (String uri : new String[] { "/actuator/tlssessions/default",
				"/actuator/tlssessions/default?host=localhost&port=443" }) {
			this.actuator.delete().uri(uri).exchange().expectStatus().isEqualTo(405).expectBody().returnResult();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
