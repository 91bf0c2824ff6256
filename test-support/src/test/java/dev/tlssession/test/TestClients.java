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

package dev.tlssession.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.resolver.DefaultAddressResolverGroup;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A plain Reactor Netty client with one shared context (Netty's own session cache), a new
 * connection per request.
 */
final class TestClients {

	private final HttpClient client;

	TestClients(TestCertificateAuthority authority) {
		this(authority, SslProvider.OPENSSL, null);
	}

	TestClients(TestCertificateAuthority authority, SslProvider provider, @Nullable KeyManagerFactory keys) {
		this.client = client(context(authority, provider, keys), ConnectionProvider.newConnection());
	}

	static SslContext context(TestCertificateAuthority authority, SslProvider provider,
			@Nullable KeyManagerFactory keys) {
		try {
			SslContextBuilder builder = SslContextBuilder.forClient()
				.sslProvider(provider)
				.trustManager(authority.trustManagerFactory());
			if (keys != null) {
				builder.keyManager(keys);
			}
			return builder.build();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static HttpClient client(SslContext context, ConnectionProvider connections) {
		return HttpClient.create(connections)
			.resolver(DefaultAddressResolverGroup.INSTANCE)
			.secure((spec) -> spec.sslContext(context));
	}

	String get(String url) {
		return this.client.get().uri(url).responseContent().aggregate().asString().block(Duration.ofSeconds(10));
	}

	List<String> get(String url, int times) {
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			bodies.add(get(url));
		}
		return bodies;
	}

}
