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

import java.util.function.Consumer;

import dev.tlssession.TlsSessionCaches;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link WebClientTlsSessions} through Spring Boot's auto-configured connector builder
 * and settings, as {@code AutoConfiguredWebClientSsl} does for bundles: the connector
 * gets the application's Reactor resources, timeouts and customizers, and one cache's
 * context.
 */
final class AutoConfiguredWebClientTlsSessions implements WebClientTlsSessions {

	private final TlsSessionCaches caches;

	private final TlsSessionClientHttpConnectorBuilder connectorBuilder;

	private final HttpClientSettings settings;

	AutoConfiguredWebClientTlsSessions(TlsSessionCaches caches, TlsSessionClientHttpConnectorBuilder connectorBuilder,
			HttpClientSettings settings) {
		this.caches = caches;
		this.connectorBuilder = connectorBuilder;
		this.settings = settings;
	}

	@Override
	public Consumer<WebClient.Builder> fromCache(String cache) {
		TlsSessionClientHttpConnectorBuilder bound = this.connectorBuilder.fromCache(this.caches.sslContext(cache));
		return (builder) -> builder.clientConnector(bound.build(this.settings));
	}

}
