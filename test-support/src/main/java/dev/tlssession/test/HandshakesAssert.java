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

import java.util.List;

import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the handshakes a server saw, oldest first. Failure messages show them as
 * a string of {@code R} (resumed) and {@code F} (full).
 *
 * @since 0.1.0
 */
public final class HandshakesAssert extends AbstractAssert<HandshakesAssert, List<UpstreamHandshake>> {

	HandshakesAssert(List<UpstreamHandshake> handshakes) {
		super(List.copyOf(handshakes), HandshakesAssert.class);
	}

	/**
	 * Checks the number of handshakes.
	 * @param count the expected number
	 * @return this
	 */
	public HandshakesAssert hasSize(int count) {
		isNotNull();
		if (this.actual.size() != count) {
			failWithMessage("Expected %d handshakes but the server saw %d: %s", count, this.actual.size(), pattern());
		}
		return this;
	}

	/**
	 * Checks that exactly a number of the handshakes resumed a session.
	 * @param count the expected number
	 * @return this
	 */
	public HandshakesAssert haveResumed(int count) {
		isNotNull();
		if (resumed() != count) {
			failWithMessage("Expected %d of %d handshakes to have resumed but %d did: %s", count, this.actual.size(),
					resumed(), pattern());
		}
		return this;
	}

	/**
	 * Checks that at least a number of the handshakes resumed a session.
	 * @param count the smallest expected number
	 * @return this
	 */
	public HandshakesAssert haveResumedAtLeast(int count) {
		isNotNull();
		if (resumed() < count) {
			failWithMessage("Expected at least %d of %d handshakes to have resumed but %d did: %s", count,
					this.actual.size(), resumed(), pattern());
		}
		return this;
	}

	/**
	 * Checks that every handshake resumed a session.
	 * @return this
	 */
	public HandshakesAssert allResumed() {
		return haveResumed(this.actual.size());
	}

	/**
	 * Checks that no handshake resumed a session.
	 * @return this
	 */
	public HandshakesAssert noneResumed() {
		return haveResumed(0);
	}

	/**
	 * Checks that the first handshake was full and every later one resumed: what a client
	 * with a working session cache does against one upstream, one connection at a time.
	 * @return this
	 */
	public HandshakesAssert firstFullThenResumed() {
		isNotNull();
		StringBuilder expected = new StringBuilder();
		for (int i = 0; i < this.actual.size(); i++) {
			expected.append((i != 0) ? 'R' : 'F');
		}
		if (this.actual.isEmpty() || !pattern().contentEquals(expected)) {
			failWithMessage("Expected the first handshake to be full and the others resumed (%s) but the server saw %s",
					expected, pattern());
		}
		return this;
	}

	/**
	 * Checks that every handshake used a protocol.
	 * @param protocol the protocol, for example {@code TLSv1.3}
	 * @return this
	 */
	public HandshakesAssert usedProtocol(String protocol) {
		isNotNull();
		List<String> others = this.actual.stream()
			.map(UpstreamHandshake::protocol)
			.filter((used) -> !protocol.equals(used))
			.distinct()
			.toList();
		if (!others.isEmpty()) {
			failWithMessage("Expected every handshake to use %s but some used %s", protocol, others);
		}
		return this;
	}

	private long resumed() {
		return this.actual.stream().filter(UpstreamHandshake::resumed).count();
	}

	private String pattern() {
		StringBuilder pattern = new StringBuilder();
		for (UpstreamHandshake handshake : this.actual) {
			pattern.append(handshake.resumed() ? 'R' : 'F');
		}
		return pattern.toString();
	}

}
