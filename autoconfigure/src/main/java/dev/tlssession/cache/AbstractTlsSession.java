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

package dev.tlssession.cache;

import java.time.Instant;

import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.index.SessionId;
import dev.tlssession.index.SessionIdHasher;

/**
 * The immutable part of a session view that both providers share.
 *
 * @since 0.1.0
 */
public abstract class AbstractTlsSession implements TlsSession {

	private final String cache;

	private final TlsSessionKey key;

	private final SessionId id;

	private final String protocol;

	private final String cipherSuite;

	private final Instant created;

	private final Instant expires;

	private final boolean singleUse;

	/**
	 * Creates a view.
	 * @param cache the cache's name
	 * @param key the upstream
	 * @param id the session id
	 * @param protocol the negotiated protocol
	 * @param cipherSuite the negotiated cipher suite
	 * @param created when the handshake that made the session took place
	 * @param expires when the session stops being offered
	 * @param singleUse whether it may be offered only once
	 */
	protected AbstractTlsSession(String cache, TlsSessionKey key, SessionId id, String protocol, String cipherSuite,
			Instant created, Instant expires, boolean singleUse) {
		this.cache = cache;
		this.key = key;
		this.id = id;
		this.protocol = protocol;
		this.cipherSuite = cipherSuite;
		this.created = created;
		this.expires = expires;
		this.singleUse = singleUse;
	}

	@Override
	public final String cache() {
		return this.cache;
	}

	@Override
	public final TlsSessionKey key() {
		return this.key;
	}

	/**
	 * The session id, which never leaves the starter.
	 * @return the id
	 */
	public final SessionId id() {
		return this.id;
	}

	@Override
	public final String protocol() {
		return this.protocol;
	}

	@Override
	public final String cipherSuite() {
		return this.cipherSuite;
	}

	@Override
	public final Instant created() {
		return this.created;
	}

	@Override
	public final Instant expires() {
		return this.expires;
	}

	@Override
	public final boolean singleUse() {
		return this.singleUse;
	}

	@Override
	public final String idHash() {
		return this.id.hash(SessionIdHasher.get());
	}

	@Override
	public String toString() {
		return "TlsSession[cache=" + this.cache + ", upstream=" + this.key + ", protocol=" + this.protocol + ", id="
				+ idHash() + "]";
	}

}
