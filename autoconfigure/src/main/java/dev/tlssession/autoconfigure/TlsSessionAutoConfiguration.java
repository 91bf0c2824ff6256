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

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionStore;
import dev.tlssession.reactor.TlsSessionHttpClients;
import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration for TLS client session caches: the {@link TlsSessionCaches} registry
 * from {@code tls.session.*}, and the binding of every Reactor Netty client that Spring
 * Boot builds to it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnClass(SslContext.class)
@ConditionalOnBooleanProperty(name = "tls.session.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TlsSessionProperties.class)
public final class TlsSessionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TlsSessionCaches tlsSessionCaches(TlsSessionProperties properties, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<TlsSessionStore> stores) {
		return new TlsSessionCachesFactory(properties, sslBundles.getIfAvailable(), stores.orderedStream().toList())
			.create();
	}

	@Bean
	@ConditionalOnMissingBean
	TlsSessionClientRouting tlsSessionClientRouting(TlsSessionCaches caches, TlsSessionProperties properties,
			ObjectProvider<SslBundles> sslBundles) {
		Map<String, String> cacheBundles = new LinkedHashMap<>();
		properties.caches().forEach((name, cache) -> {
			if (cache.sslBundle() != null) {
				cacheBundles.put(name, cache.sslBundle());
			}
		});
		return new TlsSessionClientRouting(caches, cacheBundles, sslBundles.getIfAvailable());
	}

	@Bean
	TlsSessionBundleReloads tlsSessionBundleReloads(TlsSessionCaches caches, TlsSessionClientRouting routing,
			ObjectProvider<SslBundles> sslBundles) {
		return new TlsSessionBundleReloads(caches, routing, sslBundles.getIfAvailable());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HttpClient.class)
	static class ReactorNettyConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TlsSessionHttpClients tlsSessionHttpClients(TlsSessionCaches caches) {
			return new TlsSessionHttpClients(caches);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpClient.class, ReactorClientHttpConnectorBuilder.class })
	static class ReactiveClientConfiguration {

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		ClientHttpConnectorBuilderCustomizer<ClientHttpConnectorBuilder<?>> tlsSessionClientHttpConnectorBuilderCustomizer(
				TlsSessionClientRouting routing) {
			return (builder) -> (builder instanceof ReactorClientHttpConnectorBuilder reactor)
					? new TlsSessionClientHttpConnectorBuilder(reactor, new SslBundleRouting(routing::contextFor))
					: builder;
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(WebClient.class)
		static class WebClientConfiguration {

			@Bean
			@ConditionalOnMissingBean
			WebClientTlsSessions webClientTlsSessions(TlsSessionCaches caches, TlsSessionClientRouting routing,
					ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
					ObjectProvider<ReactorResourceFactory> resourceFactory,
					ObjectProvider<HttpClientSettings> settings) {
				// Boot's builder (wrapped by the customizer above) unless the application
				// chose another technology: then a Reactor one on the application's
				// Reactor resources
				ClientHttpConnectorBuilder<?> builder = connectorBuilder
					.getIfAvailable(ClientHttpConnectorBuilder::reactor);
				TlsSessionClientHttpConnectorBuilder managed = (builder instanceof TlsSessionClientHttpConnectorBuilder tls)
						? tls : new TlsSessionClientHttpConnectorBuilder(reactor(resourceFactory.getIfAvailable()),
								new SslBundleRouting(routing::contextFor));
				return new AutoConfiguredWebClientTlsSessions(caches, managed,
						settings.getIfAvailable(HttpClientSettings::defaults));
			}

			private static ReactorClientHttpConnectorBuilder reactor(@Nullable ReactorResourceFactory resources) {
				ReactorClientHttpConnectorBuilder reactor = ClientHttpConnectorBuilder.reactor();
				return (resources != null) ? reactor.withReactorResourceFactory(resources) : reactor;
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpClient.class, ReactorClientHttpRequestFactoryBuilder.class })
	static class ImperativeClientConfiguration {

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		ClientHttpRequestFactoryBuilderCustomizer<ClientHttpRequestFactoryBuilder<?>> tlsSessionClientHttpRequestFactoryBuilderCustomizer(
				TlsSessionClientRouting routing) {
			return (builder) -> (builder instanceof ReactorClientHttpRequestFactoryBuilder reactor)
					? new TlsSessionClientHttpRequestFactoryBuilder(reactor, new SslBundleRouting(routing::contextFor))
					: builder;
		}

	}

}
