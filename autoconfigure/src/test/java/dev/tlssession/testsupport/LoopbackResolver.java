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

package dev.tlssession.testsupport;

import io.netty.resolver.DefaultAddressResolverGroup;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;

/**
 * Makes Reactor Netty resolve host names with the JDK, which reads the test hosts file
 * ({@code -Djdk.net.hosts.file}), instead of its own DNS client: test names resolve to
 * 127.0.0.1 and no query leaves the machine.
 */
public final class LoopbackResolver {

	private LoopbackResolver() {
	}

	public static HttpClient apply(HttpClient client) {
		return client.resolver(DefaultAddressResolverGroup.INSTANCE);
	}

	public static ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> customizer() {
		return (builder) -> builder.withHttpClientCustomizer(LoopbackResolver::apply);
	}

}
