package dev.tlssession;

import org.jspecify.annotations.Nullable;

/**
 * Told about every TLS handshake and session offer of the caches it is registered with, on the I/O thread that
 * ran the handshake. Implementations must be fast and must not throw.
 */
public interface TlsHandshakeListener {

	/**
	 * A handshake completed or failed.
	 * @param cache the cache of the connection
	 * @param key the upstream, or {@code null} when the connection was made without a host name
	 * @param outcome how it ended
	 * @param protocol the negotiated protocol, or {@code null} when unknown
	 * @param durationNanos from the start of the handshake (the connection becoming active, for clients bound by
	 * {@code TlsSessionHttpClients}; otherwise the creation of the connection's TLS handler) to its end
	 */
	void handshake(TlsSessionCache cache, @Nullable TlsSessionKey key, HandshakeOutcome outcome,
			@Nullable String protocol, long durationNanos);

	/**
	 * The server accepted or declined a session the cache offered.
	 * @param cache the cache
	 * @param key the upstream
	 * @param accepted whether the handshake resumed the offered session
	 * @param protocol the negotiated protocol, or {@code null} when unknown
	 */
	default void offer(TlsSessionCache cache, TlsSessionKey key, boolean accepted, @Nullable String protocol) {
	}

}
