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

/**
 * Why a session left a cache.
 *
 * @since 0.1.0
 */
public enum EvictionCause {

	/**
	 * The cache, or the host's share of it, was full.
	 */
	CAPACITY("capacity"),

	/**
	 * The session outlived its timeout or the server's ticket lifetime.
	 */
	EXPIRED("expired"),

	/**
	 * A TLS 1.3 ticket was offered and may not be offered again.
	 */
	SINGLE_USE("single-use"),

	/**
	 * The server declined to resume the offered session.
	 */
	REJECTED("rejected"),

	/**
	 * The session is no longer trustworthy: its connection ended without a clean shutdown
	 * or with a fatal error.
	 */
	INVALIDATED("invalidated"),

	/**
	 * The application removed it.
	 */
	REMOVED("removed"),

	/**
	 * The whole cache was flushed, by the application or because its SSL bundle reloaded.
	 */
	FLUSHED("flushed");

	private final String tag;

	EvictionCause(String tag) {
		this.tag = tag;
	}

	/**
	 * The value of the {@code cause} meter tag.
	 * @return the tag value
	 */
	public String tag() {
		return this.tag;
	}

}
