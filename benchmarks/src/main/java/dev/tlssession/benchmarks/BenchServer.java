package dev.tlssession.benchmarks;

/**
 * A TLS server the benchmark started on 127.0.0.1, and its own count of resumed handshakes.
 */
interface BenchServer extends AutoCloseable {

	/**
	 * A URL of this server whose path tags the request (nginx logs it; the Netty server ignores it).
	 * @param tag the tag
	 * @return the URL
	 */
	String url(String tag);

	/**
	 * The handshakes the server has seen so far (for nginx, those logged for the given tag prefix so far).
	 * @return the counts
	 */
	Handshakes handshakes();

	/**
	 * Which server it is: {@code netty} or {@code nginx}.
	 * @return the label
	 */
	String label();

	/**
	 * The process id of an external server, whose CPU is the server's and not "other" load; 0 for in-process.
	 * @return the pid
	 */
	long pid();

	@Override
	void close();

	/**
	 * Server-side handshake counts.
	 * @param resumed handshakes that resumed a session
	 * @param full handshakes that did not
	 * @param failed handshakes that failed
	 */
	record Handshakes(long resumed, long full, long failed) {

		Handshakes minus(Handshakes earlier) {
			return new Handshakes(this.resumed - earlier.resumed, this.full - earlier.full,
					this.failed - earlier.failed);
		}

	}

}
