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

import dev.tlssession.TlsSessionCaches;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.test.UpstreamHandshake;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientSsl;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebClient that Spring Boot auto-configures resumes sessions through the starter, as
 * the server confirms.
 */
class WebClientResumptionTests {

	private TlsUpstream server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = TestServers.start(ResumptionMode.TLS13);
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					TlsSessionAutoConfiguration.class))
			.withBean(ClientHttpConnectorBuilderCustomizer.class, LoopbackResolver::customizer)
			.withPropertyValues(TestPki.get().sslBundlePropertyValues("test"))
			.withPropertyValues("tls.session.caches.default.ssl-bundle=test");
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "openssl", "jdk" })
	void autoConfiguredWebClientResumes(String provider) {
		this.runner.withPropertyValues("tls.session.provider=" + provider).run((context) -> {
			WebClient client = context.getBean(WebClient.Builder.class).build();
			for (int i = 0; i < 10; i++) {
				assertThat(get(client, this.server.url("localhost"))).isEqualTo("ok");
			}
			assertThat(this.server.full()).isEqualTo(1);
			assertThat(this.server.resumed()).isEqualTo(9);
			assertThat(context.getBean(TlsSessionCaches.class).get("default").stats().resumedHandshakes()).isEqualTo(9);
		});
	}

	@Test
	void clientsBuiltFromTheSameBundleShareOneCache() {
		this.runner.run((context) -> {
			WebClientSsl ssl = context.getBean(WebClientSsl.class);
			WebClient first = context.getBean(WebClient.Builder.class).apply(ssl.fromBundle("test")).build();
			WebClient second = context.getBean(WebClient.Builder.class).apply(ssl.fromBundle("test")).build();
			assertThat(get(first, this.server.url("localhost"))).isEqualTo("ok");
			assertThat(get(second, this.server.url("localhost"))).isEqualTo("ok");
			assertThat(this.server.full()).isEqualTo(1);
			assertThat(this.server.resumed()).isEqualTo(1);
		});
	}

	@Test
	void hostRulesRouteToTheirCacheAndCachesNeverShareSessions() {
		this.runner
			.withPropertyValues("tls.session.caches.payments.hosts=payments.test",
					"tls.session.caches.payments.ssl-bundle=test")
			.run((context) -> {
				WebClient client = context.getBean(WebClient.Builder.class).build();
				for (int i = 0; i < 3; i++) {
					get(client, this.server.url("payments.test"));
					get(client, this.server.url("other.test"));
				}
				TlsSessionCaches caches = context.getBean(TlsSessionCaches.class);
				assertThat(caches.get("payments").stats().fullHandshakes()).isEqualTo(1);
				assertThat(caches.get("payments").stats().resumedHandshakes()).isEqualTo(2);
				assertThat(caches.get("default").stats().fullHandshakes()).isEqualTo(1);
				assertThat(caches.get("default").stats().resumedHandshakes()).isEqualTo(2);
				assertThat(this.server.handshakes()).filteredOn((handshake) -> !handshake.resumed())
					.extracting(UpstreamHandshake::serverName)
					.containsExactlyInAnyOrder("payments.test", "other.test");
			});
	}

	static String get(WebClient client, String url) {
		return client.get().uri(url).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
	}

}
