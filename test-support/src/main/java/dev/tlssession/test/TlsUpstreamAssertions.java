package dev.tlssession.test;

import java.util.List;

/**
 * Entry point of the AssertJ assertions on what upstreams saw.
 * <pre class="code">
 * assertThat(upstream).lastConnections(20).haveResumedAtLeast(19);
 * assertThat(upstream).agreesWithHandshakeMeters(meterRegistry, "payments");
 * assertThatHandshakes(nginx.handshakes(bodies)).firstFullThenResumed();
 * </pre>
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
	 * Assertions on handshakes a server saw, for example those an {@link IndependentServer} reports.
	 * @param handshakes the handshakes, oldest first
	 * @return the assertions
	 */
	public static HandshakesAssert assertThatHandshakes(List<UpstreamHandshake> handshakes) {
		return new HandshakesAssert(handshakes);
	}

}
