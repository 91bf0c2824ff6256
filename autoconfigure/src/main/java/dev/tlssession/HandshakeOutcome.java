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
 * How a TLS handshake ended.
 *
 * @since 0.1.0
 */
public enum HandshakeOutcome {

	/**
	 * The server accepted an offered session: no certificate exchange took place.
	 */
	RESUMED("resumed"),

	/**
	 * A full handshake: the server's certificate was sent and verified.
	 */
	FULL("full"),

	/**
	 * The handshake did not complete.
	 */
	FAILED("failed");

	private final String tag;

	HandshakeOutcome(String tag) {
		this.tag = tag;
	}

	/**
	 * The value of the {@code outcome} meter tag.
	 * @return the tag value
	 */
	public String tag() {
		return this.tag;
	}

}
