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

import dev.tlssession.jdk.JdkTlsSessionCache;
import dev.tlssession.openssl.OpenSslTlsSessionCache;
import dev.tlssession.reactor.TlsSessionHttpClients;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resumption against the server setups users meet, on both providers, counted by the
 * server.
 */
class ResumptionTests {

	private static final int CONNECTIONS = 20;

	private static final TlsMaterial TRUST = TestPki.trust();

	private static final TlsMaterial TRUST_TLS12_ONLY = new TlsMaterial(null,
			TestPki.get().root().toTrustManagerFactory(), List.of("TLSv1.2"), null);

	@ParameterizedTest
	@EnumSource(ResumptionMode.class)
	void openSslResumesEveryConnectionAfterTheFirst(ResumptionMode mode) throws Exception {
		assertResumes(new OpenSslTlsSessionCache("default", TlsSessionCacheSettings.DEFAULTS, TRUST), mode);
	}

	@ParameterizedTest
	@EnumSource(value = ResumptionMode.class, names = { "TLS12_SESSION_IDS", "TLS12_TICKETS" })
	void openSslWithOnlyTls12EnabledResumes(ResumptionMode mode) throws Exception {
		assertResumes(new OpenSslTlsSessionCache("default", TlsSessionCacheSettings.DEFAULTS, TRUST_TLS12_ONLY), mode);
	}

	@ParameterizedTest
	@EnumSource(ResumptionMode.class)
	void jdkResumesEveryConnectionAfterTheFirst(ResumptionMode mode) throws Exception {
		assertResumes(new JdkTlsSessionCache("default", TlsSessionCacheSettings.DEFAULTS, TRUST), mode);
	}

	@ParameterizedTest
	@EnumSource(value = ResumptionMode.class, names = { "TLS12_SESSION_IDS", "TLS12_TICKETS" })
	void jdkWithOnlyTls12EnabledResumes(ResumptionMode mode) throws Exception {
		assertResumes(new JdkTlsSessionCache("default", TlsSessionCacheSettings.DEFAULTS, TRUST_TLS12_ONLY), mode);
	}

	private void assertResumes(TlsSessionCache cache, ResumptionMode mode) {
		TlsSessionCaches caches = new TlsSessionCaches(List.of(cache), Map.of(), "default");
		HttpClient client = new TlsSessionHttpClients(caches)
			.routed(LoopbackResolver.apply(HttpClient.create(ConnectionProvider.newConnection())));
		try (TlsUpstream server = TestServers.start(mode)) {
			for (int i = 0; i < CONNECTIONS; i++) {
				String body = client.get()
					.uri(server.url("localhost"))
					.responseContent()
					.aggregate()
					.asString()
					.block(Duration.ofSeconds(10));
				assertThat(body).isEqualTo("ok");
			}
			assertThat(server.full()).as("full handshakes the server saw").isEqualTo(1);
			assertThat(server.resumed()).as("resumed handshakes the server saw").isEqualTo(CONNECTIONS - 1);
			TlsSessionStats stats = cache.stats();
			assertThat(stats.fullHandshakes()).isEqualTo(server.full());
			assertThat(stats.resumedHandshakes()).isEqualTo(server.resumed());
		}
	}

}
