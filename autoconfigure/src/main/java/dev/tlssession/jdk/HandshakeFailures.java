package dev.tlssession.jdk;

/**
 * Tells a failed TLS handshake from a connection that never got to start one.
 */
final class HandshakeFailures {

	/**
	 * What Netty's {@code SslHandler} reports when it is removed from a channel that never became active (a
	 * refused or timed-out connect).
	 */
	private static final String NEVER_STARTED = "SslHandler removed before handshake completed";

	private HandshakeFailures() {
	}

	static boolean started(Throwable cause) {
		return cause == null || !NEVER_STARTED.equals(cause.getMessage());
	}

}
