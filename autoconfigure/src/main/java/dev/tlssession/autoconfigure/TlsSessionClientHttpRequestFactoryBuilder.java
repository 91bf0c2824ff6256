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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ReactorClientHttpRequestFactory;

/**
 * Spring Boot's Reactor request factory builder (for {@code RestClient} and
 * {@code RestTemplate}), with every factory it builds secured by the TLS session caches,
 * exactly like {@link TlsSessionClientHttpConnectorBuilder}.
 */
final class TlsSessionClientHttpRequestFactoryBuilder
		implements ClientHttpRequestFactoryBuilder<ReactorClientHttpRequestFactory> {

	private final ReactorClientHttpRequestFactoryBuilder delegate;

	private final SslBundleRouting routing;

	TlsSessionClientHttpRequestFactoryBuilder(ReactorClientHttpRequestFactoryBuilder delegate,
			SslBundleRouting routing) {
		this.delegate = delegate;
		this.routing = routing;
	}

	@Override
	public ReactorClientHttpRequestFactory build(@Nullable HttpClientSettings settings) {
		return this.routing.build(settings, (customizer,
				resolved) -> ((customizer != null) ? this.delegate.withHttpClientCustomizer(customizer) : this.delegate)
					.build(resolved));
	}

}
