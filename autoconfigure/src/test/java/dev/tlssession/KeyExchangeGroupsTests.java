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

package dev.tlssession;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;

import dev.tlssession.jdk.JdkTlsSessionCache;
import dev.tlssession.openssl.OpenSslTlsSessionCache;
import dev.tlssession.reactor.TlsSessionHttpClients;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.test.UpstreamHandshake;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A cache's {@code key-exchange-groups} decide the group of every handshake it makes,
 * full or resumed, as the BoringSSL server reports it; without them each provider keeps
 * its default (BoringSSL the post-quantum hybrid X25519MLKEM768, the JDK x25519). The jdk
 * provider needs Java 20 or later for them.
 */
class KeyExchangeGroupsTests {

	private static final TlsMaterial TRUST = new TlsMaterial(null, TestPki.get().trustManagerFactory(), null, null);

	@Test
	void openSslDefaultIsThePostQuantumHybrid() throws Exception {
		assertGroups(new OpenSslTlsSessionCache("default", settings(List.of()), TRUST), ResumptionMode.TLS13,
				"X25519MLKEM768");
	}

	@Test
	void openSslOffersOnlyTheConfiguredGroups() throws Exception {
		assertGroups(new OpenSslTlsSessionCache("default", settings(List.of("X25519")), TRUST), ResumptionMode.TLS13,
				"X25519");
		assertGroups(new OpenSslTlsSessionCache("default", settings(List.of("P-256")), TRUST), ResumptionMode.TLS13,
				"P-256");
	}

	@Test
	void openSslOverTls12NeedsTheCurveOfTheServersEcdsaCertificateInTheList() throws Exception {
		// TLS 1.2 uses the list for ECDSA certificates too: x25519 alone leaves the
		// server's P-256 key unusable
		assertGroups(new OpenSslTlsSessionCache("default", settings(List.of("x25519", "secp256r1")), TRUST),
				ResumptionMode.TLS12_SESSION_IDS, "X25519");
		assertRefusedByTheServer(new OpenSslTlsSessionCache("default", settings(List.of("x25519")), TRUST),
				ResumptionMode.TLS12_SESSION_IDS);
	}

	@Test
	void jdkDefaultIsX25519() throws Exception {
		assertGroups(new JdkTlsSessionCache("default", settings(List.of()), TRUST), ResumptionMode.TLS13, "X25519");
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_20)
	void jdkOffersOnlyTheConfiguredGroups() throws Exception {
		assertGroups(new JdkTlsSessionCache("default", settings(List.of("P-256")), TRUST), ResumptionMode.TLS13,
				"P-256");
		assertGroups(new JdkTlsSessionCache("default", settings(List.of("x25519")), TRUST), ResumptionMode.TLS13,
				"X25519");
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_20)
	void jdkOverTls12NeedsTheCurveOfTheServersEcdsaCertificateInTheList() throws Exception {
		assertGroups(new JdkTlsSessionCache("default", settings(List.of("x25519", "secp256r1")), TRUST),
				ResumptionMode.TLS12_SESSION_IDS, "X25519");
		assertRefusedByTheServer(new JdkTlsSessionCache("default", settings(List.of("x25519")), TRUST),
				ResumptionMode.TLS12_SESSION_IDS);
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_19)
	void jdkBeforeJava20RefusesGroupsNamingTheJavaVersion() {
		assertThat(JdkTlsSessionCache.supportsKeyExchangeGroups()).isFalse();
		assertThatExceptionOfType(TlsSessionConfigurationException.class)
			.isThrownBy(() -> new JdkTlsSessionCache("default", settings(List.of("x25519")), TRUST))
			.satisfies((ex) -> {
				assertThat(ex.getSetting()).isEqualTo("key-exchange-groups");
				assertThat(ex.getReason()).contains("Java 20 or later").contains("Java " + Runtime.version().feature());
			});
	}

	@Test
	void openSslRefusesAGroupBoringSslDoesNotOffer() {
		assertThatExceptionOfType(TlsSessionConfigurationException.class)
			.isThrownBy(() -> new OpenSslTlsSessionCache("default", settings(List.of("x25519", "x448")), TRUST))
			.satisfies((ex) -> {
				assertThat(ex.getSetting()).isEqualTo("key-exchange-groups");
				assertThat(ex.getValue()).isEqualTo("x448");
				assertThat(ex.getReason()).contains("BoringSSL does not offer this group");
			});
	}

	@Test
	void unknownOrRepeatedGroupsAreRefusedNamingTheElement() {
		assertThatExceptionOfType(TlsSessionConfigurationException.class)
			.isThrownBy(() -> settings(List.of("x25519", "P-999")))
			.satisfies((ex) -> assertThat(ex.getValue()).isEqualTo("P-999"));
		assertThatExceptionOfType(TlsSessionConfigurationException.class)
			.isThrownBy(() -> settings(List.of("x25519", "X25519")))
			.satisfies((ex) -> assertThat(ex.getReason()).contains("listed twice"));
		assertThat(settings(List.of("P-256", "X25519", "x25519mlkem768")).keyExchangeGroups())
			.containsExactly("secp256r1", "x25519", "X25519MLKEM768");
	}

	/**
	 * A full handshake and a resumed one, both in the expected group as the server saw
	 * them.
	 */
	private static void assertGroups(TlsSessionCache cache, ResumptionMode mode, String expected) {
		try (TlsUpstream server = TestServers.start(mode);
				TlsSessionCaches caches = new TlsSessionCaches(List.of(cache), Map.of(), cache.name())) {
			HttpClient client = new TlsSessionHttpClients(caches)
				.routed(LoopbackResolver.apply(HttpClient.create(ConnectionProvider.newConnection())));
			for (int i = 0; i < 2; i++) {
				assertThat(client.get()
					.uri(server.url("localhost"))
					.responseContent()
					.aggregate()
					.asString()
					.block(Duration.ofSeconds(10))).isEqualTo("ok");
			}
			assertThat(server.handshakes()).extracting(UpstreamHandshake::resumed).containsExactly(false, true);
			assertThat(server.handshakes()).extracting(UpstreamHandshake::group)
				.as("groups of the full and the resumed handshake, as the server saw them")
				.containsExactly(expected, expected);
		}
	}

	private static void assertRefusedByTheServer(TlsSessionCache cache, ResumptionMode mode) {
		try (TlsUpstream server = TestServers.start(mode);
				TlsSessionCaches caches = new TlsSessionCaches(List.of(cache), Map.of(), cache.name())) {
			HttpClient client = new TlsSessionHttpClients(caches)
				.routed(LoopbackResolver.apply(HttpClient.create(ConnectionProvider.newConnection())));
			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> client.get()
					.uri(server.url("localhost"))
					.responseContent()
					.aggregate()
					.asString()
					.block(Duration.ofSeconds(10)))
				.withRootCauseInstanceOf(SSLHandshakeException.class);
			assertThat(server.handshakes()).isEmpty();
			assertThat(cache.stats().failedHandshakes()).isEqualTo(1);
		}
	}

	private static TlsSessionCacheSettings settings(List<String> groups) {
		TlsSessionCacheSettings d = TlsSessionCacheSettings.DEFAULTS;
		return new TlsSessionCacheSettings(d.maxSessions(), d.maxSessionsPerHost(), d.timeout(), true, true, true,
				false, false, d.handshakeTimeout(), groups);
	}

}
