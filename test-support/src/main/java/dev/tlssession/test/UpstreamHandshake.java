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

package dev.tlssession.test;

import org.jspecify.annotations.Nullable;

/**
 * One connection's handshake as the upstream's server saw it.
 *
 * @param resumed whether the server resumed a session
 * @param protocol the protocol, for example {@code TLSv1.3}
 * @param serverName the SNI host name the client sent, or {@code null} when the client
 * sent none or the server does not report it
 * @param clientSubject the subject of the client certificate, or {@code null} when the
 * client presented none or the server does not report it
 * @param group the key-exchange group agreed, in BoringSSL's name (such as
 * {@code X25519MLKEM768}), or {@code null} when the server does not report it (only
 * BoringSSL upstreams do, on a netty-tcnative that reports it)
 * @since 0.1.0
 */
public record UpstreamHandshake(boolean resumed, String protocol, @Nullable String serverName,
		@Nullable String clientSubject, @Nullable String group) {

	/**
	 * Creates a handshake of a server that reports only whether it resumed and the
	 * protocol.
	 * @param resumed whether the server resumed a session
	 * @param protocol the protocol
	 */
	public UpstreamHandshake(boolean resumed, String protocol) {
		this(resumed, protocol, null, null, null);
	}

}
