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
 * The endpoint follows least privilege: exposed, it reads, but flushing or removing sessions needs
 * {@code management.endpoint.tlssessions.access=unrestricted}.
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
		this.actuator.get().uri("/actuator/tlssessions/default").exchange().expectStatus().isOk().expectBody().returnResult();
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
