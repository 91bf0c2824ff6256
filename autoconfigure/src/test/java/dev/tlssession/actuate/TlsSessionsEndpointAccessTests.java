package dev.tlssession.actuate;

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
class TlsSessionsEndpointAccessTests {

	@Autowired
	WebTestClient actuator;

	@Test
	void readsByDefault() {
		this.actuator.get().uri("/actuator/tlssessions").exchange().expectStatus().isOk();
		this.actuator.get().uri("/actuator/tlssessions/default").exchange().expectStatus().isOk();
	}

	@Test
	void refusesToFlushOrRemoveByDefault() {
		this.actuator.delete().uri("/actuator/tlssessions/default").exchange().expectStatus().isEqualTo(405);
		this.actuator.delete()
			.uri("/actuator/tlssessions/default?host=localhost&port=443")
			.exchange()
			.expectStatus()
			.isEqualTo(405);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
