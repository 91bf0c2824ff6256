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

package dev.tlssession.autoconfigure.gateway;

import dev.tlssession.autoconfigure.TlsSessionAutoConfiguration;
import dev.tlssession.autoconfigure.TlsSessionClientRouting;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that puts Spring Cloud Gateway's proxy {@link HttpClient} on the TLS
 * session caches, through the gateway's own extension point, an
 * {@link HttpClientCustomizer}. Nothing of the gateway is loaded unless it is on the
 * class path.
 *
 * @since 0.1.0
 */
// after the caches' routing, whose bean it needs; before the gateway's, whose
// HttpClientFactory takes the customizers
@AutoConfiguration(after = TlsSessionAutoConfiguration.class,
		beforeName = "org.springframework.cloud.gateway.config.GatewayAutoConfiguration")
@ConditionalOnClass({ HttpClientCustomizer.class, HttpClient.class })
@ConditionalOnBean(TlsSessionClientRouting.class)
@ConditionalOnBooleanProperty(name = "tls.session.gateway.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TlsSessionGatewayProperties.class)
public final class TlsSessionGatewayAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TlsSessionGatewayHttpClientCustomizer tlsSessionGatewayHttpClientCustomizer(TlsSessionClientRouting routing,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<HttpClientProperties> properties) {
		return new TlsSessionGatewayHttpClientCustomizer(routing, sslBundles.getIfAvailable(),
				() -> properties.getIfAvailable(HttpClientProperties::new));
	}

}
