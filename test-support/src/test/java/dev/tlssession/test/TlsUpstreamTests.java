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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import io.netty.handler.ssl.SslProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static dev.tlssession.test.TlsUpstreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link TlsUpstream}: what the server saw, per connection, against a client
 * with a session cache.
 */
class TlsUpstreamTests {

	private final TestCertificateAuthority authority = TestCertificateAuthority.shared();

	@ParameterizedTest
	@EnumSource(ResumptionMode.class)
	void everyConnectionAfterTheFirstResumesOnOpenSsl(ResumptionMode mode) {
		try (TlsUpstream upstream = TlsUpstream.builder(mode).provider(SslProvider.OPENSSL).start()) {
			assertThat(new TestClients(this.authority).get(upstream.url(), 5)).containsOnly("ok");
			assertThat(upstream).lastConnections(5).firstFullThenResumed().usedProtocol(mode.protocol());
			assertThat(upstream.full()).isEqualTo(1);
			assertThat(upstream.resumed()).isEqualTo(4);
			assertThat(upstream).hasNoFailedHandshakes();
		}
	}

	@ParameterizedTest
	@EnumSource(value = ResumptionMode.class, names = { "TLS13", "TLS12_SESSION_IDS" })
	void everyConnectionAfterTheFirstResumesOnTheJdk(ResumptionMode mode) {
		try (TlsUpstream upstream = TlsUpstream.builder(mode).provider(SslProvider.JDK).start()) {
			new TestClients(this.authority, SslProvider.JDK, null).get(upstream.url(), 4);
			assertThat(upstream.provider()).isEqualTo(SslProvider.JDK);
			assertThat(upstream).lastConnections(4).firstFullThenResumed();
		}
	}

	@Test
	void recordsTheClientCertificatesSubject() throws Exception {
		try (TlsUpstream upstream = TlsUpstream.builder(ResumptionMode.TLS13).requireClientCertificates().start()) {
			new TestClients(this.authority, SslProvider.OPENSSL,
					this.authority.client("orders-service").toKeyManagerFactory())
				.get(upstream.url());
			assertThat(upstream.handshakes()).singleElement().satisfies((handshake) -> {
				// no client sends a single-label name such as localhost as SNI
				assertThat(handshake.serverName()).isNull();
				assertThat(handshake.clientSubject()).isEqualTo("CN=orders-service");
			});
		}
	}

	@Test
	void refusesAClientWithoutACertificateWhenItRequiresOne() {
		try (TlsUpstream upstream = TlsUpstream.builder(ResumptionMode.TLS12_SESSION_IDS)
			.requireClientCertificates()
			.start()) {
			assertThatException().isThrownBy(() -> new TestClients(this.authority).get(upstream.url()));
			assertThat(upstream.handshakes()).isEmpty();
		}
	}

	@Test
	void rotatedTicketKeysCostOneFullHandshake() {
		try (TlsUpstream upstream = TlsUpstream.start(ResumptionMode.TLS13)) {
			TestClients client = new TestClients(this.authority);
			client.get(upstream.url(), 2);
			upstream.rotateTicketKeys();
			client.get(upstream.url());
			assertThat(upstream.handshakes()).extracting(UpstreamHandshake::resumed)
				.containsExactly(false, true, false);
		}
	}

	@Test
	void forgottenSessionsCostOneFullHandshake() {
		try (TlsUpstream upstream = TlsUpstream.start(ResumptionMode.TLS12_SESSION_IDS)) {
			TestClients client = new TestClients(this.authority);
			client.get(upstream.url(), 2);
			upstream.forgetSessions();
			client.get(upstream.url());
			assertThat(upstream.handshakes()).extracting(UpstreamHandshake::resumed)
				.containsExactly(false, true, false);
		}
	}

	@Test
	void aSwappedCertificateIsPresentedToNewConnections() {
		TestCertificateAuthority other = TestCertificateAuthority.create("Other CA");
		try (TlsUpstream upstream = TlsUpstream.start(ResumptionMode.TLS13)) {
			new TestClients(this.authority).get(upstream.url(), 2);
			upstream.swapCertificate(other.server());
			assertThatException().isThrownBy(() -> new TestClients(this.authority).get(upstream.url()));
			assertThat(new TestClients(other).get(upstream.url(), 2)).containsOnly("ok");
			assertThat(upstream.handshakes()).extracting(UpstreamHandshake::resumed)
				.containsExactly(false, true, false, true);
		}
	}

	@Test
	void theJdkCannotRotateTicketKeys() {
		try (TlsUpstream upstream = TlsUpstream.builder(ResumptionMode.TLS13).provider(SslProvider.JDK).start()) {
			assertThatIllegalStateException().isThrownBy(upstream::rotateTicketKeys).withMessageContaining("OpenSSL");
		}
	}

	@Test
	void answersWithTheConfiguredResponse() {
		try (TlsUpstream upstream = TlsUpstream.builder(ResumptionMode.TLS13)
			.response("application/json", "{\"ok\":true}")
			.start()) {
			String contentType = TestClients
				.client(TestClients.context(this.authority, SslProvider.OPENSSL, null),
						ConnectionProvider.newConnection())
				.get()
				.uri(upstream.url())
				.responseSingle((response, body) -> body.asString()
					.map((text) -> response.responseHeaders().get("content-type") + " " + text))
				.block(Duration.ofSeconds(10));
			assertThat(contentType).isEqualTo("application/json {\"ok\":true}");
		}
	}

	@Test
	void keepsConnectionsOpenWhenAsked() {
		try (TlsUpstream upstream = TlsUpstream.builder(ResumptionMode.TLS13).keepAlive(true).start()) {
			HttpClient pooled = TestClients.client(TestClients.context(this.authority, SslProvider.OPENSSL, null),
					ConnectionProvider.create("keep-alive", 1));
			for (int i = 0; i < 3; i++) {
				pooled.get().uri(upstream.url()).responseContent().aggregate().asString().block(Duration.ofSeconds(10));
			}
			assertThat(upstream.handshakes()).hasSize(1);
		}
	}

	@Test
	void runsOnItsOwnEventLoopsWhenAsked() {
		try (TlsUpstream upstream = TlsUpstream.builder(ResumptionMode.TLS13).eventLoopThreads(1).start()) {
			new TestClients(this.authority).get(upstream.url());
			assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
				.anyMatch((name) -> name.startsWith("tls-upstream-"));
		}
	}

	@Test
	void restartsOnThePortOfAClosedUpstream() {
		int port;
		try (TlsUpstream first = TlsUpstream.start(ResumptionMode.TLS13)) {
			port = first.port();
		}
		try (TlsUpstream second = TlsUpstream.builder(ResumptionMode.TLS13).port(port).start()) {
			assertThat(second.port()).isEqualTo(port);
		}
	}

	@Test
	void keepsTheMostRecentHandshakesAndCountsThemAll() {
		try (TlsUpstream upstream = TlsUpstream.builder(ResumptionMode.TLS13).retainedHandshakes(2).start()) {
			new TestClients(this.authority).get(upstream.url(), 3);
			assertThat(upstream.handshakes()).extracting(UpstreamHandshake::resumed).containsExactly(true, true);
			assertThat(upstream.full() + upstream.resumed()).isEqualTo(3);
			assertThat(upstream.lastHandshakes(1)).hasSize(1);
		}
	}

	@Test
	void resetCountsForgetsWhatItSaw() {
		try (TlsUpstream upstream = TlsUpstream.start(ResumptionMode.TLS12_SESSION_IDS)) {
			new TestClients(this.authority).get(upstream.url());
			assertThat(upstream.sessionIds()).hasSize(1);
			upstream.resetCounts();
			assertThat(upstream.handshakes()).isEmpty();
			assertThat(upstream.sessionIds()).isEmpty();
			assertThat(upstream.full()).isZero();
		}
	}

	@Test
	void closingStopsTheServerAndTellsTheListeners() {
		TlsUpstream upstream = TlsUpstream.start(ResumptionMode.TLS13);
		new TestClients(this.authority).get(upstream.url(), 2);
		int port = upstream.port();
		upstream.close();
		upstream.close();
		assertThat(accepts(port)).isFalse();
		assertThat(RecordingUpstreamListener.CLOSED).containsOnlyOnce(upstream + " resumed=1 full=1");
	}

	@Test
	void describesItself() {
		try (TlsUpstream upstream = TlsUpstream.builder(ResumptionMode.TLS13).provider(SslProvider.OPENSSL).start()) {
			assertThat(upstream).hasToString("TlsUpstream[TLS13, openssl, 127.0.0.1:" + upstream.port() + "]");
			assertThat(upstream.url("api.test")).isEqualTo("https://api.test:" + upstream.port() + "/");
			assertThat(upstream.certificateAuthority()).isSameAs(TestCertificateAuthority.shared());
			assertThat(upstream.mode()).isEqualTo(ResumptionMode.TLS13);
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
