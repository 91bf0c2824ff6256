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

package dev.tlssession.index;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A session id as a map key. Its bytes never leave this object: {@link #toString()} does
 * not print them.
 *
 * @since 0.1.0
 */
public final class SessionId {

	private static final AtomicLong SYNTHETIC = new AtomicLong();

	private final byte[] bytes;

	private final int hash;

	private SessionId(byte[] bytes) {
		this.bytes = bytes;
		this.hash = Arrays.hashCode(bytes);
	}

	/**
	 * Wraps the id a TLS stack reported, or makes a process-unique one when it reported
	 * none (a TLS 1.3 session may have no id).
	 * @param bytes the id bytes, possibly empty or {@code null}
	 * @return the id
	 */
	public static SessionId of(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			long n = SYNTHETIC.incrementAndGet();
			byte[] synthetic = new byte[9];
			// never a real id: those are 32 bytes or hashes of tickets
			synthetic[0] = (byte) 0xff;
			for (int i = 1; i < 9; i++) {
				synthetic[i] = (byte) (n >>> (8 * (i - 1)));
			}
			return new SessionId(synthetic);
		}
		return new SessionId(bytes.clone());
	}

	/**
	 * A salted hash of the id, safe to show.
	 * @param hasher the hasher
	 * @return the hash
	 */
	public String hash(SessionIdHasher hasher) {
		return hasher.hash(this.bytes);
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof SessionId id && Arrays.equals(this.bytes, id.bytes));
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

	@Override
	public String toString() {
		return "SessionId[" + this.bytes.length + " bytes]";
	}

}
