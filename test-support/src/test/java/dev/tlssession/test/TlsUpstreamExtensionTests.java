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

package dev.tlssession.test;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;

import static dev.tlssession.test.TlsUpstreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TlsUpstreamExtension}: an upstream per class on a static field, per
 * test on an instance field.
 */
class TlsUpstreamExtensionTests {

	@RegisterExtension
	static final TlsUpstreamExtension perClass = TlsUpstreamExtension.of(ResumptionMode.TLS13);

	private static TlsUpstream first;

	@Test
	void staticExtensionRunsOneUpstreamForTheClass() {
		TlsUpstream upstream = perClass.upstream();
		if (first == null) {
			first = upstream;
		}
		assertThat(upstream).isSameAs(first);
		assertThat(perClass.port()).isEqualTo(upstream.port());
		assertThat(perClass.url()).isEqualTo(upstream.url());
		assertThat(perClass.url("localhost")).isEqualTo(upstream.url());
	}

	@Test
	void staticExtensionKeepsItsUpstreamAcrossTests() {
		staticExtensionRunsOneUpstreamForTheClass();
	}

	@Test
	void registersAnSslBundleThatTrustsTheUpstream() {
		MockEnvironment environment = new MockEnvironment();
		DynamicPropertyRegistry registry = (name, value) -> environment.setProperty(name, value.get().toString());
		perClass.registerSslBundle(registry, "upstream");
		assertThat(environment.getProperty("spring.ssl.bundle.pem.upstream.truststore.certificate"))
			.isEqualTo(perClass.certificateAuthority().root().getCertificatePEM());
	}

	@Test
	void assertionsReadTheExtensionsUpstream() {
		new TestClients(perClass.certificateAuthority()).get(perClass.url());
		assertThat(perClass).lastConnections(1);
	}

	@Nested
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	class PerTest {

		@RegisterExtension
		final TlsUpstreamExtension perTest = TlsUpstreamExtension.of(ResumptionMode.TLS12_SESSION_IDS);

		private static TlsUpstream previous;

		@Test
		@Order(1)
		void instanceExtensionStartsAnUpstreamForTheTest() {
			previous = this.perTest.upstream();
			new TestClients(this.perTest.certificateAuthority()).get(this.perTest.url());
			assertThat(previous.handshakes()).hasSize(1);
		}

		@Test
		@Order(2)
		void theNextTestHasANewUpstreamAndTheLastOneIsClosed() {
			assertThat(this.perTest.upstream()).isNotSameAs(previous);
			assertThat(this.perTest.upstream().handshakes()).isEmpty();
			assertThat(RecordingUpstreamListener.CLOSED).contains(previous + " resumed=0 full=1");
		}

		@Test
		@Order(3)
		void theEnclosingClassesUpstreamStillRuns() {
			assertThat(perClass.upstream()).isSameAs(perClass.upstream());
			if (first != null) {
				assertThat(perClass.upstream()).isSameAs(first);
			}
		}

	}

}
