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

import java.util.List;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.SslContext;

/**
 * A named client session cache: one TLS configuration (trust, key material, protocols,
 * ciphers) and the sessions made with it. Caches never share sessions.
 * <p>
 * The management operations follow OpenSSL's {@code SSL_CTX_add_session} and
 * {@code SSL_CTX_remove_session}.
 *
 * @since 0.1.0
 */
public interface TlsSessionCache extends AutoCloseable {

	/**
	 * The cache's name.
	 * @return the name
	 */
	String name();

	/**
	 * The TLS implementation behind the cache.
	 * @return the provider
	 */
	TlsProvider provider();

	/**
	 * The effective settings.
	 * @return the settings
	 */
	TlsSessionCacheSettings settings();

	/**
	 * The shared Netty context of this cache now. Every connection made through it uses
	 * this cache's sessions. A cache whose TLS material is reloaded gets a new context;
	 * {@link TlsSessionCaches#sslContext(String)} gives one that follows.
	 * @return the context
	 */
	SslContext sslContext();

	/**
	 * The number of sessions in the cache now.
	 * @return the size
	 */
	int size();

	/**
	 * A snapshot of the counters.
	 * @return the statistics
	 */
	TlsSessionStats stats();

	/**
	 * The sessions in the cache now, newest first per upstream.
	 * @return immutable views
	 */
	List<TlsSession> sessions();

	/**
	 * The oldest sessions in the cache now, at most {@code limit} of them, without
	 * copying the rest.
	 * @param limit how many at most
	 * @return immutable views
	 */
	default List<TlsSession> sessions(int limit) {
		List<TlsSession> sessions = sessions();
		return (sessions.size() <= limit) ? sessions : List.copyOf(sessions.subList(0, limit));
	}

	/**
	 * Adds a session so that it is offered to new connections to its upstream (like
	 * {@code SSL_CTX_add_session}). A different session with the same id replaces the one
	 * in the cache.
	 * @param session a session of this cache
	 * @return {@code false} if this very session is already in the cache, or if it is no
	 * longer resumable
	 * @throws IllegalArgumentException if the session belongs to another cache
	 * @throws UnsupportedOperationException if the provider cannot add sessions (the JDK)
	 */
	boolean add(TlsSession session);

	/**
	 * Removes a session and marks it non-resumable (like {@code SSL_CTX_remove_session}).
	 * @param session the session
	 * @return {@code false} if it was not in the cache
	 */
	boolean remove(TlsSession session);

	/**
	 * Removes every session of one upstream.
	 * @param host the host
	 * @param port the port
	 * @return the number of sessions removed
	 */
	int remove(String host, int port);

	/**
	 * Removes every session.
	 * @return the number of sessions removed
	 */
	int flush();

	/**
	 * Switches to a context built from new TLS material (an SSL bundle reload) and
	 * flushes every session made with the old one. Connections already open finish on the
	 * old context, which is released after the last of them; the next connection makes a
	 * full handshake, and no session of the old material is ever offered again.
	 * @param material the new TLS configuration
	 * @throws SSLException if the context cannot be built; the cache then keeps its
	 * previous material
	 */
	void rebuild(TlsMaterial material) throws SSLException;

	/**
	 * Registers a listener told about every handshake and offer of this cache, on the I/O
	 * thread that made it.
	 * @param listener the listener
	 */
	void addHandshakeListener(TlsHandshakeListener listener);

	/**
	 * Removes a listener.
	 * @param listener the listener
	 */
	void removeHandshakeListener(TlsHandshakeListener listener);

	/**
	 * Releases the cache's TLS contexts and sessions. Connections still open finish on
	 * what they hold; nothing is stored or offered any more.
	 */
	@Override
	void close();

}
