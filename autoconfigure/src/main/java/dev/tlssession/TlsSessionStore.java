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

package dev.tlssession;

import org.jspecify.annotations.Nullable;

/**
 * An application-owned session store, the client-side counterpart of OpenSSL's session
 * callbacks ({@code SSL_CTX_sess_set_new_cb}, {@code SSL_set_session},
 * {@code SSL_CTX_sess_set_remove_cb}).
 * <p>
 * Declared as a bean, it serves every cache, or only the caches {@link #supports(String)
 * it supports}. It matters most with a cache's {@code no-internal-store} and
 * {@code no-internal-lookup} settings: with the first, new sessions are not kept by the
 * cache and only reach {@link #onNewSession}; with the second, the cache is not searched
 * and {@link #lookup} alone decides what is offered. Only the OpenSSL provider supports
 * stores.
 * <p>
 * Calls run on the starter's own threads, never on I/O threads, and no I/O thread ever
 * waits for them. Notifications of a cache are made one at a time, in order (a session's
 * {@link #onNewSession} before its {@link #onRemoved}); up to 1,024 may wait, later ones
 * are dropped. Lookups run on their own threads: a new connection's handshake is held
 * back, without blocking its event loop, until {@link #lookup} answers or
 * {@code tls.session.store-timeout} passes (then the lookup's thread is interrupted);
 * once 64 lookups of a cache are unanswered, connections stop asking. A store that
 * throws, answers late, or returns a session of another cache, upstream or TLS material,
 * a single-use session it chose before, or a session it was told left the cache, costs
 * that connection a full handshake, never its request, and is counted as a store failure.
 * A session that left the cache while the store's {@link #onRemoved} is still on its way
 * is not offered either, but is not the store's fault: a plain miss.
 * <p>
 * A {@link TlsSession} handed to a store is a view: it does not keep the session alive.
 * With {@code no-internal-store} the cache holds the sessions it hands to the store
 * (within its {@code max-sessions} and {@code max-sessions-per-host} bounds, oldest out
 * first, each announced with {@link #onRemoved}) until the store
 * {@linkplain TlsSessionCache#add adds} or offers them.
 *
 * @since 0.1.0
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
	 * Called for every new session of a supported cache, whether or not the cache keeps
	 * it.
	 * @param cache the cache name
	 * @param key the upstream
	 * @param session the session, which stays valid while it is referenced
	 */
	void onNewSession(String cache, TlsSessionKey key, TlsSession session);

	/**
	 * Chooses the session to offer on a new connection (the client-side
	 * {@code SSL_set_session}), when the cache has none to offer or
	 * {@code no-internal-lookup} is set. A single-use session is offered once in total,
	 * whoever chose it: a store that returns it again gets it refused.
	 * @param cache the cache name
	 * @param key the upstream
	 * @return a session of this cache for this upstream, or {@code null} to leave the
	 * choice to the cache
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
