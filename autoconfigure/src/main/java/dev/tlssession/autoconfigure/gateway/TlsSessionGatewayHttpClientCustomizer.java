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

import java.util.function.Supplier;

import dev.tlssession.autoconfigure.TlsSessionClientRouting;
import dev.tlssession.reactor.TlsSessionHttpClients;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.core.Ordered;

/**
 * Puts Spring Cloud Gateway's proxy {@link HttpClient} on the TLS session caches: every
 * route to an {@code https} upstream, load-balanced routes included (they reach the
 * client with the chosen instance's host and port), uses the cache its host routes to.
 * <p>
 * It runs first among the gateway's {@link HttpClientCustomizer}s, right after the
 * gateway applied its own SSL settings, which decide the outcome (see the README's rule
 * table): with none of them, or with an SSL bundle that caches use, the client routes
 * among those caches and keeps the gateway's close-notify and handshake timeouts; with
 * settings no cache can hold (trusted certificates, an insecure trust manager, a key
 * store, HTTP/2, a bundle no cache uses) it keeps the gateway's own context and one
 * warning says why. An {@link HttpClientCustomizer} of the application that secures the
 * client runs later and wins.
 *
 * @since 0.1.0
 */
public final class TlsSessionGatewayHttpClientCustomizer implements HttpClientCustomizer, Ordered {

	private static final Log logger = LogFactory.getLog(TlsSessionGatewayHttpClientCustomizer.class);

	private final GatewayTlsRule rule;

	private final Supplier<HttpClientProperties> properties;

	/**
	 * Creates a customizer.
	 * @param routing decides which caches serve a client built with an SSL bundle
	 * @param sslBundles the bundles, or {@code null} when the application has none
	 * @param properties the gateway's HTTP client settings, read when the gateway builds
	 * its client
	 */
	public TlsSessionGatewayHttpClientCustomizer(TlsSessionClientRouting routing, @Nullable SslBundles sslBundles,
			Supplier<HttpClientProperties> properties) {
		this.rule = new GatewayTlsRule(routing, sslBundles);
		this.properties = properties;
	}

	@Override
	public HttpClient customize(HttpClient httpClient) {
		HttpClientProperties.Ssl ssl = this.properties.get().getSsl();
		GatewayTlsRule.Decision decision = this.rule.decide(ssl, httpClient);
		if (decision.context() == null) {
			if (decision.reason() != null) {
				logger
					.warn("Spring Cloud Gateway's HTTP client keeps its own TLS context, so its upstream sessions are "
							+ "not shared, bounded or observed by the TLS session caches: " + decision.reason() + ".");
			}
			return httpClient;
		}
		if (decision.reason() != null) {
			logger.warn(decision.reason() + ".");
		}
		return TlsSessionHttpClients.secure(httpClient, decision.context(), GatewayTlsRule.connectionSettings(ssl));
	}

	/**
	 * First among the gateway's customizers, so that the application's own run after it.
	 * @return {@link Ordered#HIGHEST_PRECEDENCE}
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
