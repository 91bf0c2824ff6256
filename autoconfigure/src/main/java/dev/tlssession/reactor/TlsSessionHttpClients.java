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

package dev.tlssession.reactor;

import java.util.function.Consumer;

import dev.tlssession.TlsSessionCaches;
import dev.tlssession.netty.ConnectionErrorHandler;
import dev.tlssession.netty.HandshakeGate;
import dev.tlssession.netty.TrackedConnection;
import dev.tlssession.netty.TrackedConnections;
import dev.tlssession.routing.RoutingSslContext;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import reactor.netty.http.client.HttpClient;

/**
 * Secures Reactor Netty {@link HttpClient}s with the caches: each connection uses the
 * cache its host routes to (or one named cache) and that cache's handshake timeout.
 *
 * @since 0.1.0
 */
public final class TlsSessionHttpClients {

	private static final String GATE = "tlsSessionHandshakeGate";

	private static final String ERROR_HANDLER = "tlsSessionConnectionErrors";

	private final TlsSessionCaches caches;

	/**
	 * Creates a binder.
	 * @param caches the caches
	 */
	public TlsSessionHttpClients(TlsSessionCaches caches) {
		this.caches = caches;
	}

	/**
	 * Routes the client's connections by host rules, unmatched hosts to the default
	 * cache.
	 * @param client the client
	 * @return the secured client
	 */
	public HttpClient routed(HttpClient client) {
		return secure(client, this.caches.sslContext());
	}

	/**
	 * Binds every connection of the client to one cache, whatever the host.
	 * @param client the client
	 * @param cache the cache name
	 * @return the secured client
	 * @throws IllegalArgumentException if there is no such cache
	 */
	public HttpClient fromCache(HttpClient client, String cache) {
		return secure(client, this.caches.sslContext(cache));
	}

	/**
	 * Secures a client with a routing context. Securing a client twice is harmless: its
	 * connections get the handlers once.
	 * @param client the client
	 * @param context the context
	 * @return the secured client
	 */
	public static HttpClient secure(HttpClient client, RoutingSslContext context) {
		return secure(client, context, (handler) -> {
		});
	}

	/**
	 * Secures a client with a routing context and adjusts each connection's
	 * {@link SslHandler} after the cache has set its handshake timeout: for a client
	 * whose own settings (close-notify timeouts, a handshake timeout of its own) must
	 * survive. Securing a client twice is harmless: its connections get the handlers
	 * once.
	 * @param client the client
	 * @param context the context
	 * @param handlerCustomizer adjusts each connection's handler; it runs on the
	 * connection's event loop
	 * @return the secured client
	 */
	public static HttpClient secure(HttpClient client, RoutingSslContext context,
			Consumer<? super SslHandler> handlerCustomizer) {
		return client.secure((spec) -> spec.sslContext((SslContext) context).handlerConfigurator((handler) -> {
			TrackedConnection connection = TrackedConnections.of(handler.engine());
			if (connection != null) {
				handler.setHandshakeTimeoutMillis(connection.handshakeTimeoutMillis());
			}
			handlerCustomizer.accept(handler);
		})).doOnChannelInit((observer, channel, address) -> {
			ChannelPipeline pipeline = channel.pipeline();
			ChannelHandlerContext ssl = pipeline.context(SslHandler.class);
			if (ssl != null && pipeline.get(GATE) == null) {
				pipeline.addBefore(ssl.name(), GATE, HandshakeGate.INSTANCE)
					.addAfter(ssl.name(), ERROR_HANDLER, ConnectionErrorHandler.INSTANCE);
			}
		});
	}

	/**
	 * Secures a client with a routing context unless it is already secured (an
	 * application's own SSL configuration wins).
	 * @param client the client
	 * @param context the context
	 * @return the client
	 */
	public static HttpClient secureUnlessSecured(HttpClient client, RoutingSslContext context) {
		return (client.configuration().sslProvider() != null) ? client : secure(client, context);
	}

}
