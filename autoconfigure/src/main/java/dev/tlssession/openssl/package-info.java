/**
 * The OpenSSL (BoringSSL through netty-tcnative) bridge: the starter's own session store, installed as the
 * context's session-cache callback, offers sessions with {@code SSL_set_session} and reads
 * {@code SSL_session_reused} after each handshake.
 */
@NullMarked
package dev.tlssession.openssl;

import org.jspecify.annotations.NullMarked;
