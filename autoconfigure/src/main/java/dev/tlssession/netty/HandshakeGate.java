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

package dev.tlssession.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import org.jspecify.annotations.Nullable;

/**
 * Holds back the start of a connection's TLS handshake, without blocking, until its cache
 * has settled which session to offer: the {@link SslHandler} writes the ClientHello when
 * the connection becomes active, and a session must be set before that. While the channel
 * connects, the cache may ask an application store (see
 * {@link TrackedConnection#prepare}); the gate passes {@code channelActive} on once it
 * has answered or its timeout has passed. It also marks the start of the handshake for
 * its duration, leaving out name resolution, pooling and the TCP connect, and, from its
 * place on the network side of the {@link SslHandler}, sees the closes the
 * {@link SslHandler} makes on its own after a fatal alert (see
 * {@link TrackedConnection#closing()}). Goes right before the {@link SslHandler}; the
 * Reactor Netty binding installs it.
 *
 * @since 0.1.0
 */
@Sharable
public final class HandshakeGate extends ChannelDuplexHandler {

	private static final AttributeKey<TrackedConnection> CONNECTION = AttributeKey.valueOf(HandshakeGate.class,
			"connection");

	/**
	 * The gate; it keeps no state of its own.
	 */
	public static final HandshakeGate INSTANCE = new HandshakeGate();

	private HandshakeGate() {
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		TrackedConnection connection = connection(ctx);
		if (connection != null && !ctx.channel().isActive()) {
			connection.prepare(ctx.channel().eventLoop());
		}
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		TrackedConnection connection = connection(ctx);
		if (connection == null) {
			ctx.fireChannelActive();
			return;
		}
		connection.activate(() -> passOn(ctx));
	}

	@Override
	public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
		TrackedConnection connection = connection(ctx);
		if (connection != null) {
			connection.closing();
		}
		ctx.close(promise);
	}

	private void passOn(ChannelHandlerContext ctx) {
		// a connection that closed while it waited has already passed on channelInactive
		if (!ctx.isRemoved() && ctx.channel().isActive()) {
			ctx.fireChannelActive();
		}
	}

	/**
	 * The tracked connection of a channel: found by its {@link SslHandler}'s engine once,
	 * then kept on the channel until it is inactive, as the binding's handlers ask for it
	 * on every event.
	 */
	static @Nullable TrackedConnection connection(ChannelHandlerContext ctx) {
		Attribute<TrackedConnection> attribute = ctx.channel().attr(CONNECTION);
		TrackedConnection connection = attribute.get();
		if (connection == null) {
			SslHandler sslHandler = ctx.pipeline().get(SslHandler.class);
			connection = (sslHandler != null) ? TrackedConnections.of(sslHandler.engine()) : null;
			if (connection != null) {
				attribute.set(connection);
			}
		}
		return connection;
	}

	/**
	 * Forgets the channel's connection: it is no longer tracked, so no later event may
	 * reach it.
	 */
	static void forget(ChannelHandlerContext ctx) {
		ctx.channel().attr(CONNECTION).set(null);
	}

}
