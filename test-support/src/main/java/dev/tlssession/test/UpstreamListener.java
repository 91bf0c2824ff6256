package dev.tlssession.test;

/**
 * Told what each upstream of this kit saw when it closes, for reports across a whole test suite (for example the
 * resumed and full handshakes per test run on CI). Implementations are found with {@link java.util.ServiceLoader}:
 * list them in {@code META-INF/services/dev.tlssession.test.UpstreamListener}. A listener must not throw.
 */
public interface UpstreamListener {

	/**
	 * Called once when an upstream closes.
	 * @param upstream a description of the upstream, for example {@code TlsUpstream[TLS13, 127.0.0.1:41234]}
	 * @param resumed the resumed handshakes it saw
	 * @param full the full handshakes it saw
	 */
	void closed(String upstream, long resumed, long full);

}
