package dev.tlssession;

import org.jspecify.annotations.Nullable;

/**
 * An application-owned session store, the client-side counterpart of OpenSSL's session callbacks
 * ({@code SSL_CTX_sess_set_new_cb}, {@code SSL_set_session}, {@code SSL_CTX_sess_set_remove_cb}).
 * <p>
 * Declared as a bean, it serves every cache, or only the caches {@link #supports(String) it supports}. It matters
 * most with a cache's {@code no-internal-store} and {@code no-internal-lookup} settings: with the first, new
 * sessions are not kept by the cache and only reach {@link #onNewSession}; with the second, the cache is not
 * searched and {@link #lookup} alone decides what is offered. Only the OpenSSL provider supports stores.
 * <p>
 * Calls run on the starter's two store threads, never on I/O threads; notifications are queued (up to 1,024) and
 * a connection waits for {@link #lookup} at most {@code tls.session.store-timeout}. A store that throws, returns a
 * session of another cache or upstream, or does not answer in time costs that connection a full handshake, never
 * its request, and is counted as a store failure. A session handed to a store lives while it is referenced: its
 * native memory is released once the store, and the cache, let go of it and it is garbage collected.
 */
public interface TlsSessionStore {

	/**
	 * Whether this store serves a cache.
	 * @param cache the cache name
	 * @return {@code true} by default: every cache
	 */
	default boolean supports(String cache) {
		return true;
	}

	/**
	 * Called for every new session of a supported cache, whether or not the cache keeps it.
	 * @param cache the cache name
	 * @param key the upstream
	 * @param session the session, which stays valid while it is referenced
	 */
	void onNewSession(String cache, TlsSessionKey key, TlsSession session);

	/**
	 * Chooses the session to offer on a new connection (the client-side {@code SSL_set_session}). When it returns
	 * a session, that session replaces any the cache chose.
	 * @param cache the cache name
	 * @param key the upstream
	 * @return a session of this cache for this upstream, or {@code null} to leave the choice to the cache
	 */
	@Nullable TlsSession lookup(String cache, TlsSessionKey key);

	/**
	 * Called when a session leaves the cache.
	 * @param cache the cache name
	 * @param key the upstream
	 * @param session the session
	 * @param cause why it left
	 */
	default void onRemoved(String cache, TlsSessionKey key, TlsSession session, EvictionCause cause) {
	}

}
