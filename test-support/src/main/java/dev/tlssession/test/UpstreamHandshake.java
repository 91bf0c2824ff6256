package dev.tlssession.test;

import org.jspecify.annotations.Nullable;

/**
 * One connection's handshake as the upstream's server saw it.
 *
 * @param resumed whether the server resumed a session
 * @param protocol the protocol, for example {@code TLSv1.3}
 * @param serverName the SNI host name the client sent, or {@code null} when the client sent none or the server does
 * not report it
 * @param clientSubject the subject of the client certificate, or {@code null} when the client presented none or the
 * server does not report it
 */
public record UpstreamHandshake(boolean resumed, String protocol, @Nullable String serverName,
		@Nullable String clientSubject) {

	/**
	 * Creates a handshake of a server that reports only whether it resumed and the protocol.
	 * @param resumed whether the server resumed a session
	 * @param protocol the protocol
	 */
	public UpstreamHandshake(boolean resumed, String protocol) {
		this(resumed, protocol, null, null);
	}

}
