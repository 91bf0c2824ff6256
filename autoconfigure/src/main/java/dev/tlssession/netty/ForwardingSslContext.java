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

import java.util.List;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSessionContext;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolNegotiator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import org.jspecify.annotations.Nullable;

/**
 * A client context that forwards every call to another context chosen per connection.
 * Handlers are created by the target's public {@code newHandler} methods, so the target's
 * own resumption detection stays in place.
 *
 * @since 0.1.0
 */
public abstract class ForwardingSslContext extends SslContext {

	/**
	 * The context for a connection.
	 * @param host the host name, or {@code null} when the connection has none
	 * @param port the port, or {@code -1} when unknown
	 * @return the context
	 */
	protected abstract SslContext target(@Nullable String host, int port);

	/**
	 * Creates the handler for a connection; override to adjust it.
	 * @param target the context chosen for the connection
	 * @param alloc the allocator
	 * @param host the host name, or {@code null}
	 * @param port the port, or {@code -1}
	 * @param executor the delegated task executor, or {@code null}
	 * @return the handler
	 */
	protected SslHandler newHandler(SslContext target, ByteBufAllocator alloc, @Nullable String host, int port,
			@Nullable Executor executor) {
		if (host == null) {
			return (executor != null) ? target.newHandler(alloc, executor) : target.newHandler(alloc);
		}
		return (executor != null) ? target.newHandler(alloc, host, port, executor)
				: target.newHandler(alloc, host, port);
	}

	@Override
	public final boolean isClient() {
		return true;
	}

	@Override
	public final List<String> cipherSuites() {
		return target(null, -1).cipherSuites();
	}

	@Override
	@SuppressWarnings("deprecation")
	public final ApplicationProtocolNegotiator applicationProtocolNegotiator() {
		return target(null, -1).applicationProtocolNegotiator();
	}

	@Override
	public final SSLEngine newEngine(ByteBufAllocator alloc) {
		return target(null, -1).newEngine(alloc);
	}

	@Override
	public final SSLEngine newEngine(ByteBufAllocator alloc, String peerHost, int peerPort) {
		return target(peerHost, peerPort).newEngine(alloc, peerHost, peerPort);
	}

	@Override
	public final SSLSessionContext sessionContext() {
		return target(null, -1).sessionContext();
	}

	@Override
	protected final SslHandler newHandler(ByteBufAllocator alloc, boolean startTls) {
		return newHandler(target(null, -1), alloc, null, -1, null);
	}

	@Override
	protected final SslHandler newHandler(ByteBufAllocator alloc, boolean startTls, Executor executor) {
		return newHandler(target(null, -1), alloc, null, -1, executor);
	}

	@Override
	protected final SslHandler newHandler(ByteBufAllocator alloc, String peerHost, int peerPort, boolean startTls) {
		return newHandler(target(peerHost, peerPort), alloc, peerHost, peerPort, null);
	}

	@Override
	protected final SslHandler newHandler(ByteBufAllocator alloc, String peerHost, int peerPort, boolean startTls,
			Executor executor) {
		return newHandler(target(peerHost, peerPort), alloc, peerHost, peerPort, executor);
	}

}
