/**
 * The JDK (SunJSSE) bridge: one {@code SSLContext} per cache, with resumption detected through Netty's resumable
 * trust manager hook (the trust manager is consulted only on full handshakes).
 */
@NullMarked
package dev.tlssession.jdk;

import org.jspecify.annotations.NullMarked;
