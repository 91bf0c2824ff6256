package dev.tlssession;

/**
 * How a TLS handshake ended.
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
