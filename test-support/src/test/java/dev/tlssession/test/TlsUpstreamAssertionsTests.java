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

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.tlssession.test.TlsUpstreamAssertions.assertThat;
import static dev.tlssession.test.TlsUpstreamAssertions.assertThatHandshakes;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TlsUpstreamAssertions}, {@link TlsUpstreamAssert} and
 * {@link HandshakesAssert}.
 */
class TlsUpstreamAssertionsTests {

	private static final UpstreamHandshake FULL = new UpstreamHandshake(false, "TLSv1.3");

	private static final UpstreamHandshake RESUMED = new UpstreamHandshake(true, "TLSv1.3");

	private static TlsUpstream upstream;

	@BeforeAll
	static void twoFullThenThreeResumed() {
		upstream = TlsUpstream.start(ResumptionMode.TLS13);
		new TestClients(TestCertificateAuthority.shared()).get(upstream.url());
		// a client with a cache of its own: one full handshake, then resumptions
		new TestClients(TestCertificateAuthority.shared()).get(upstream.url(), 4);
	}

	@AfterAll
	static void stop() {
		upstream.close();
	}

	@Test
	void lastConnectionsAreTheMostRecentHandshakes() {
		assertThat(upstream).lastConnections(3).allResumed().hasSize(3);
		assertThat(upstream).lastConnections(4).firstFullThenResumed();
		assertThat(upstream).lastConnections(5).haveResumed(3).haveResumedAtLeast(2).usedProtocol("TLSv1.3");
		assertThat(upstream).connections().hasSize(5);
		assertThat(upstream).hasNoFailedHandshakes();
	}

	@Test
	void lastConnectionsFailsWhenTheUpstreamSawFewer() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(upstream).lastConnections(6))
			.withMessageContaining("Expected at least 6 connections")
			.withMessageContaining("it saw 5 handshakes");
	}

	@Test
	void failureMessagesShowWhatResumed() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(upstream).lastConnections(5).haveResumedAtLeast(4))
			.withMessage("Expected at least 4 of 5 handshakes to have resumed but 3 did: FFRRR");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatHandshakes(List.of(FULL, RESUMED, FULL)).firstFullThenResumed())
			.withMessage("Expected the first handshake to be full and the others resumed (FRR) but the server saw FRF");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatHandshakes(List.of(FULL, new UpstreamHandshake(true, "TLSv1.2")))
				.usedProtocol("TLSv1.3"))
			.withMessage("Expected every handshake to use TLSv1.3 but some used [TLSv1.2]");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatHandshakes(List.of(RESUMED)).noneResumed())
			.withMessage("Expected 0 of 1 handshakes to have resumed but 1 did: R");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatHandshakes(List.of()).firstFullThenResumed());
	}

	@Test
	void handshakeMetersAgreeWhenTheyCountedWhatTheServerSaw() {
		MeterRegistry registry = new SimpleMeterRegistry();
		count(registry, "payments", "resumed", null, 3);
		count(registry, "payments", "full", null, 2);
		count(registry, "catalog", "full", null, 7);
		assertThat(upstream).agreesWithHandshakeMeters(registry, "payments");
	}

	@Test
	void handshakeMetersWithAHostTagCountOnlyThisUpstreamsPort() {
		MeterRegistry registry = new SimpleMeterRegistry();
		count(registry, "payments", "resumed", "localhost:" + upstream.port(), 3);
		count(registry, "payments", "full", "localhost:" + upstream.port(), 2);
		count(registry, "payments", "full", "localhost:1", 5);
		assertThat(upstream).agreesWithHandshakeMeters(registry, "payments");
	}

	@Test
	void handshakeMetersThatDisagreeFail() {
		MeterRegistry registry = new SimpleMeterRegistry();
		count(registry, "payments", "resumed", null, 4);
		count(registry, "payments", "full", null, 1);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(upstream).agreesWithHandshakeMeters(registry, "payments"))
			.withMessage("Expected the tls.session.handshakes{cache=payments} meters to agree with " + upstream
					+ ", which saw 3 resumed and 2 full handshakes, but they counted 4 resumed and 1 full");
	}

	private static void count(MeterRegistry registry, String cache, String outcome, String host, int times) {
		Timer.Builder builder = Timer.builder("tls.session.handshakes").tags("cache", cache, "outcome", outcome);
		if (host != null) {
			builder.tag("host", host);
		}
		Timer timer = builder.register(registry);
		for (int i = 0; i < times; i++) {
			timer.record(java.time.Duration.ofMillis(1));
		}
	}

}
