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

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Hashes session ids with a random per-process salt, so that a hash can tell sessions
 * apart without revealing the id or linking it across processes.
 *
 * @since 0.1.0
 */
public final class SessionIdHasher {

	private static final SessionIdHasher INSTANCE = new SessionIdHasher();

	private final byte[] salt = new byte[16];

	private SessionIdHasher() {
		new SecureRandom().nextBytes(this.salt);
	}

	/**
	 * The process-wide hasher.
	 * @return the hasher
	 */
	public static SessionIdHasher get() {
		return INSTANCE;
	}

	String hash(byte[] id) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(this.salt);
			byte[] hash = digest.digest(id);
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is a required JDK algorithm", ex);
		}
	}

}
