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
 * Told about every TLS handshake and session offer of the caches it is registered with,
 * on the I/O thread that ran the handshake. Implementations must be fast and must not
 * throw.
 *
 * @since 0.1.0
 */
public interface TlsHandshakeListener {

	/**
	 * A handshake completed or failed.
	 * @param cache the cache of the connection
	 * @param key the upstream, or {@code null} when the connection was made without a
	 * host name
	 * @param outcome how it ended
	 * @param protocol the negotiated protocol, or {@code null} when unknown
	 * @param durationNanos from the start of the handshake (the connection becoming
	 * active, for clients bound by {@code TlsSessionHttpClients}; otherwise the creation
	 * of the connection's TLS handler) to its end
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
