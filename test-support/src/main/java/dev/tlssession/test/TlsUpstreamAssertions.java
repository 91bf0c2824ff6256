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

/**
 * Entry point of the AssertJ assertions on what upstreams saw. <pre class="code">
 * assertThat(upstream).lastConnections(20).haveResumedAtLeast(19);
 * assertThat(upstream).agreesWithHandshakeMeters(meterRegistry, "payments");
 * assertThatHandshakes(nginx.handshakes(bodies)).firstFullThenResumed();
 * </pre>
 *
 * @since 0.1.0
 */
public final class TlsUpstreamAssertions {

	private TlsUpstreamAssertions() {
	}

	/**
	 * Assertions on an upstream.
	 * @param upstream the upstream
	 * @return the assertions
	 */
	public static TlsUpstreamAssert assertThat(TlsUpstream upstream) {
		return new TlsUpstreamAssert(upstream);
	}

	/**
	 * Assertions on the upstream of an extension.
	 * @param extension the extension
	 * @return the assertions
	 */
	public static TlsUpstreamAssert assertThat(TlsUpstreamExtension extension) {
		return new TlsUpstreamAssert(extension.upstream());
	}

	/**
	 * Assertions on handshakes a server saw, for example those an
	 * {@link IndependentServer} reports.
	 * @param handshakes the handshakes, oldest first
	 * @return the assertions
	 */
	public static HandshakesAssert assertThatHandshakes(List<UpstreamHandshake> handshakes) {
		return new HandshakesAssert(handshakes);
	}

}
