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

import java.time.Instant;

/**
 * An immutable view of a cached TLS client session. It carries no secret material: no
 * master secret, no ticket and no raw session id, only a salted hash of the id that is
 * stable for the life of the process.
 * <p>
 * A view handed out by a cache (from {@link TlsSessionCache#sessions()} or to a
 * {@link TlsSessionStore}) can be given back with {@link TlsSessionCache#add} or returned
 * from {@link TlsSessionStore#lookup} while the session is still held by its cache. It
 * does not keep the session alive: the session's memory goes as soon as the cache lets it
 * go (evicted, expired, removed, flushed, or offered once if single-use), whoever holds
 * views of it, and the view then reports {@link #resumable()} {@code false}. It belongs
 * to the cache that made it and to no other.
 *
 * @since 0.1.0
 */
public interface TlsSession {

	/**
	 * The name of the cache the session belongs to.
	 * @return the cache name
	 */
	String cache();

	/**
	 * The upstream the session was made with.
	 * @return the host and port
	 */
	TlsSessionKey key();

	/**
	 * The negotiated protocol, for example {@code TLSv1.3}.
	 * @return the protocol
	 */
	String protocol();

	/**
	 * The negotiated cipher suite.
	 * @return the cipher suite
	 */
	String cipherSuite();

	/**
	 * When the handshake that made the session took place.
	 * @return the creation time
	 */
	Instant created();

	/**
	 * When the session stops being offered: the cache's timeout or the server's ticket
	 * lifetime, whichever comes first. It never moves.
	 * @return the expiry time
	 */
	Instant expires();

	/**
	 * Whether the session may be offered only once (a TLS 1.3 ticket).
	 * @return {@code true} for a single-use session
	 */
	boolean singleUse();

	/**
	 * Whether the session may still be offered: not removed, not invalidated and not
	 * expired.
	 * @return {@code true} if resumable
	 */
	boolean resumable();

	/**
	 * A salted hash of the session id, for telling sessions apart in logs and the
	 * endpoint.
	 * @return 16 hex digits
	 */
	String idHash();

}
