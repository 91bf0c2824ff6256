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

import io.netty.channel.EventLoop;

/**
 * What a cache tracks of one of its connections, for the handlers the Reactor Netty
 * binding puts around the connection's {@code SslHandler}. Every method is called on the
 * connection's event loop.
 *
 * @since 0.1.0
 */
public interface TrackedConnection {

	/**
	 * The TLS handshake timeout of the connection's cache.
	 * @return the timeout in milliseconds
	 */
	long handshakeTimeoutMillis();

	/**
	 * The channel is registered and not yet connected: starts what may run while the TCP
	 * connection is made (an application store's lookup). Never waits.
	 * @param eventLoop the connection's event loop
	 */
	void prepare(EventLoop eventLoop);

	/**
	 * The connection is active (so {@link #inactive()} will follow): its handshake may
	 * start once the session to offer is settled. Runs {@code start} at once, or later on
	 * the event loop (at most the store timeout later). Never waits.
	 * @param start starts the handshake
	 */
	void activate(Runnable start);

	/**
	 * Application data arrived through the {@code SslHandler}: whatever the server sent
	 * before it, such as TLS 1.3 tickets, has been processed. Called for every read, so
	 * it must be cheap.
	 */
	default void received() {
	}

	/**
	 * The application asked to close the connection: the {@code SslHandler} sends
	 * close_notify first.
	 */
	void closeRequested();

	/**
	 * The peer closed the TLS connection in order (close_notify).
	 */
	void closeNotifyReceived();

	/**
	 * A close reached the network side of the {@code SslHandler}: whether the application
	 * asked for it (or the {@code SslHandler} closed on its own after a fatal alert, sent
	 * or received, which Netty reports to no handler), and whether the TLS stack could
	 * send close_notify, are noted for {@link #inactive()}.
	 */
	void closing();

	/**
	 * The channel is inactive. Unless the peer closed in order, the connection is
	 * {@linkplain #broken() broken} if the {@code SslHandler} closed it on its own or the
	 * TLS stack could not send close_notify (OpenSSL's test for a session to keep). The
	 * connection is no longer tracked after this.
	 */
	void inactive();

	/**
	 * The connection broke instead of closing in order (a reset, a fatal alert, a record
	 * that does not decrypt): like OpenSSL with a connection that was never shut down,
	 * the cache stops trusting the sessions it made or resumed.
	 */
	void broken();

}
