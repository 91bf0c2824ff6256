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

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import dev.tlssession.reactor.TlsSessionHttpClients;
import dev.tlssession.routing.RoutingSslContext;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;

/**
 * What both builder wrappers do with a client's settings: pick the routing context for
 * its SSL bundle and build the client with it instead of the bundle, or leave the
 * client's own TLS configuration when no cache uses the bundle.
 *
 * @param contextFor the routing context for an SSL bundle (or {@code null}), or
 * {@code null} to leave the client's own
 */
record SslBundleRouting(Function<@Nullable SslBundle, @Nullable RoutingSslContext> contextFor) {

	/**
	 * Builds a client.
	 * @param <T> what is built
	 * @param settings the client's settings, or {@code null} for the defaults
	 * @param build builds with an {@code HttpClient} customizer (or {@code null} for
	 * none) and settings
	 * @return what was built
	 */
	<T> T build(@Nullable HttpClientSettings settings,
			BiFunction<@Nullable UnaryOperator<HttpClient>, HttpClientSettings, T> build) {
		HttpClientSettings resolved = (settings != null) ? settings : HttpClientSettings.defaults();
		RoutingSslContext context = this.contextFor.apply(resolved.sslBundle());
		if (context == null) {
			return build.apply(null, resolved);
		}
		return build.apply((client) -> TlsSessionHttpClients.secureUnlessSecured(client, context),
				resolved.withSslBundle(null));
	}

}
