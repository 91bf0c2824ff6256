/**
 * Named, bounded, observable TLS client session caches for Netty and Reactor Netty.
 * <p>
 * The types in this package are the public API and have no Spring dependency:
 * {@link dev.tlssession.TlsSessionCaches} (the registry), {@link dev.tlssession.TlsSessionCache} (one cache),
 * {@link dev.tlssession.TlsSession} (a session view without secrets) and the
 * {@link dev.tlssession.TlsSessionStore} SPI.
 */
@NullMarked
package dev.tlssession;

import org.jspecify.annotations.NullMarked;
