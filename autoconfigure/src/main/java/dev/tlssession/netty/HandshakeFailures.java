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

package dev.tlssession.netty;

/**
 * Tells a failed TLS handshake from a connection that never got to start one.
 *
 * @since 0.1.0
 */
public final class HandshakeFailures {

	/**
	 * What Netty's {@code SslHandler} reports when it is removed from a channel that
	 * never became active (a refused or timed-out connect).
	 */
	private static final String NEVER_STARTED = "SslHandler removed before handshake completed";

	private HandshakeFailures() {
	}

	/**
	 * Whether a handshake failure happened after the handshake started.
	 * @param cause the failure
	 * @return {@code false} for a connection that never became active
	 */
	public static boolean started(Throwable cause) {
		return cause == null || !NEVER_STARTED.equals(cause.getMessage());
	}

}
