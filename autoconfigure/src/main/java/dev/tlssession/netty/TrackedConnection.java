package dev.tlssession.netty;

import io.netty.channel.EventLoop;

/**
 * What a cache tracks of one of its connections, for the handlers the Reactor Netty binding puts around the
 * connection's {@code SslHandler}. Every method is called on the connection's event loop.
 */
public interface TrackedConnection {

	/**
	 * The TLS handshake timeout of the connection's cache.
	 * @return the timeout in milliseconds
	 */
	long handshakeTimeoutMillis();

	/**
	 * The channel is registered and not yet connected: starts what may run while the TCP connection is made (an
	 * application store's lookup). Never waits.
	 * @param eventLoop the connection's event loop
	 */
	void prepare(EventLoop eventLoop);

	/**
	 * The connection is active: its handshake may start once the session to offer is settled. Runs {@code start}
	 * at once, or later on the event loop (at most the store timeout later). Never waits.
	 * @param start starts the handshake
	 */
	void activate(Runnable start);

	/**
	 * The connection broke instead of closing in order (a reset, a fatal alert, a record that does not decrypt):
	 * like OpenSSL with a connection that was never shut down, the cache stops trusting the sessions it made or
	 * resumed.
	 */
	void broken();

}
