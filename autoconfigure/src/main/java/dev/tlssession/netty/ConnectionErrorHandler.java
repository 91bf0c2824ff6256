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

import java.io.IOException;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslHandler;

/**
 * Tells a cache when one of its connections breaks (a reset, a fatal alert, a record that
 * does not decrypt) instead of closing in order: like OpenSSL with a connection that was
 * never shut down, the cache then stops trusting the sessions that connection made or
 * resumed. The connection is found by its engine, which outlives the native {@code SSL}
 * object a fatal alert frees. It also tells the cache which closes the application asked
 * for, so that a close the {@link SslHandler} makes on its own is told apart (see
 * {@link HandshakeGate}), and when application data arrives. Goes right after the
 * {@link SslHandler}; the Reactor Netty binding installs it.
 *
 * @since 0.1.0
 */
@Sharable
public final class ConnectionErrorHandler extends ChannelDuplexHandler {

	/**
	 * The handler; it keeps no state of its own.
	 */
	public static final ConnectionErrorHandler INSTANCE = new ConnectionErrorHandler();

	private ConnectionErrorHandler() {
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
		if (cause instanceof IOException || cause instanceof DecoderException) {
			TrackedConnection connection = HandshakeGate.connection(ctx);
			if (connection != null) {
				connection.broken();
			}
		}
		ctx.fireExceptionCaught(cause);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
		TrackedConnection connection = HandshakeGate.connection(ctx);
		if (connection != null) {
			connection.received();
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		TrackedConnection connection = HandshakeGate.connection(ctx);
		if (connection != null) {
			connection.inactive();
			HandshakeGate.forget(ctx);
		}
		ctx.fireChannelInactive();
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
		if (event instanceof SslCloseCompletionEvent closed && closed.isSuccess()) {
			TrackedConnection connection = HandshakeGate.connection(ctx);
			if (connection != null) {
				connection.closeNotifyReceived();
			}
		}
		ctx.fireUserEventTriggered(event);
	}

	@Override
	public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
		TrackedConnection connection = HandshakeGate.connection(ctx);
		if (connection != null) {
			connection.closeRequested();
		}
		ctx.close(promise);
	}

}
