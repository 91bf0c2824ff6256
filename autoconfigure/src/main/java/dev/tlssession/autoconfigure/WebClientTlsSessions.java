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

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Binds a {@link WebClient.Builder} to one named TLS session cache, whatever hosts it
 * calls, the way {@code WebClientSsl.fromBundle(name)} binds it to an SSL bundle:
 * {@code webClientBuilder.apply(webClientTlsSessions.fromCache("payments")).build()}.
 *
 * @since 0.1.0
 */
public interface WebClientTlsSessions {

	/**
	 * Returns a consumer that gives the builder a connector bound to a cache.
	 * @param cache the cache name
	 * @return the consumer
	 * @throws IllegalArgumentException if there is no such cache
	 */
	Consumer<WebClient.Builder> fromCache(String cache);

}
