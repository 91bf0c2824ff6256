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

import dev.tlssession.routing.RoutingSslContext;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * Spring Boot's Reactor connector builder, with every connector it builds secured by the
 * TLS session caches.
 * <p>
 * The starter takes over applying the settings' SSL bundle: the bundle picks the caches
 * (see {@link TlsSessionClientRouting}) and each connection uses its cache's shared
 * context. A client that an {@code HttpClient} customizer has already secured keeps that
 * configuration.
 */
final class TlsSessionClientHttpConnectorBuilder implements ClientHttpConnectorBuilder<ReactorClientHttpConnector> {

	private final ReactorClientHttpConnectorBuilder delegate;

	private final SslBundleRouting routing;

	TlsSessionClientHttpConnectorBuilder(ReactorClientHttpConnectorBuilder delegate, SslBundleRouting routing) {
		this.delegate = delegate;
		this.routing = routing;
	}

	/**
	 * A builder whose connectors use one cache's context for every host.
	 */
	TlsSessionClientHttpConnectorBuilder fromCache(RoutingSslContext context) {
		return new TlsSessionClientHttpConnectorBuilder(this.delegate, new SslBundleRouting((bundle) -> context));
	}

	@Override
	public ReactorClientHttpConnector build(@Nullable HttpClientSettings settings) {
		return this.routing.build(settings, (customizer,
				resolved) -> ((customizer != null) ? this.delegate.withHttpClientCustomizer(customizer) : this.delegate)
					.build(resolved));
	}

}
