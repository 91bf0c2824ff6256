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

import dev.tlssession.TlsSessionCaches;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.service.ReactiveHttpServiceClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup.ClientType;
import org.springframework.web.service.registry.ImportHttpServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP service group clients (Spring Framework's {@code @ImportHttpServices} on
 * WebClient) go through the caches too, and resume as the server confirms.
 */
class HttpServiceGroupTests {

	@Test
	void serviceGroupClientsResumeThroughTheCaches() {
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13)) {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
						ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
						HttpServiceClientPropertiesAutoConfiguration.class,
						ReactiveHttpServiceClientAutoConfiguration.class, TlsSessionAutoConfiguration.class))
				.withUserConfiguration(Services.class)
				.withBean(ClientHttpConnectorBuilderCustomizer.class, LoopbackResolver::customizer)
				.withPropertyValues(TestPki.get().sslBundlePropertyValues("test"))
				.withPropertyValues("tls.session.caches.default.ssl-bundle=test",
						"spring.http.serviceclient.upstream.base-url=" + server.url("localhost"),
						"spring.reactor.netty.shutdown-quiet-period=0s")
				.run((context) -> {
					UpstreamApi api = context.getBean(UpstreamApi.class);
					for (int i = 0; i < 5; i++) {
						assertThat(api.get().block()).isEqualTo("ok");
					}
					assertThat(server.full()).isEqualTo(1);
					assertThat(server.resumed()).isEqualTo(4);
					assertThat(context.getBean(TlsSessionCaches.class).get("default").stats().resumedHandshakes())
						.isEqualTo(4);
				});
		}
	}

	interface UpstreamApi {

		@GetExchange("/")
		Mono<String> get();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "upstream", types = UpstreamApi.class, clientType = ClientType.WEB_CLIENT)
	static class Services {

	}

}
