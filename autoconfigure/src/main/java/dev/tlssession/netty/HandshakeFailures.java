package dev.tlssession.netty;

/**
 * Tells a failed TLS handshake from a connection that never got to start one, from the cause Netty's
 * {@code SslHandler} fails its handshake future with (the same for every provider).
 */
public final class HandshakeFailures {

	/**
	 * What Netty's {@code SslHandler} reports when it is removed from a channel that never became active (a
	 * refused or timed-out connect).
	 */
	private static final String NEVER_STARTED = "SslHandler removed before handshake completed";

	private HandshakeFailures() {
	}

	/**
	 * Whether a failed handshake future belongs to a handshake that started.
	 * @param cause the future's cause
	 * @return {@code false} only for a connection that never became active
	 */
	public static boolean started(Throwable cause) {
		return cause == null || !NEVER_STARTED.equals(cause.getMessage());
	}

}
