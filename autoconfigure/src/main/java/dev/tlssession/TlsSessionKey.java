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

import java.util.Locale;

/**
 * The upstream a session belongs to: the host name a connection was opened for and its
 * port.
 *
 * @param host the host name as used for SNI and certificate verification, lower case
 * @param port the port
 * @since 0.1.0
 */
public record TlsSessionKey(String host, int port) {

	/**
	 * Creates a key, normalizing the host to lower case.
	 * @param host the host, not empty
	 * @param port the port, 1 to 65535
	 */
	public TlsSessionKey {
		if (host == null || host.isEmpty()) {
			throw new IllegalArgumentException("host must not be empty");
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
		}
		host = host.toLowerCase(Locale.ROOT);
	}

	@Override
	public boolean equals(Object other) {
		return this == other
				|| (other instanceof TlsSessionKey key && this.port == key.port && this.host.equals(key.host));
	}

	@Override
	public int hashCode() {
		return 31 * this.host.hashCode() + this.port;
	}

	@Override
	public String toString() {
		return this.host + ":" + this.port;
	}

}
