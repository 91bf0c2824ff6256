/**
 * Connection binding: the handlers around a connection's {@code SslHandler} that hold back the handshake until
 * the session to offer is settled and report connections that break, and the connections the caches track by
 * engine.
 */
@NullMarked
package dev.tlssession.netty;

import org.jspecify.annotations.NullMarked;
