/**
 * What every cache shares whatever its provider: the base class with its settings, counters, listeners and
 * handshake accounting, the session view, and the calls to an application's {@code TlsSessionStore} made off the
 * I/O threads.
 */
@NullMarked
package dev.tlssession.cache;

import org.jspecify.annotations.NullMarked;
