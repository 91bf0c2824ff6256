package dev.tlssession;

/**
 * Why a session left a cache.
 */
public enum EvictionCause {

	/**
	 * The cache, or the host's share of it, was full.
	 */
	CAPACITY("capacity"),

	/**
	 * The session outlived its timeout or the server's ticket lifetime.
	 */
	EXPIRED("expired"),

	/**
	 * A TLS 1.3 ticket was offered and may not be offered again.
	 */
	SINGLE_USE("single-use"),

	/**
	 * The server declined to resume the offered session.
	 */
	REJECTED("rejected"),

	/**
	 * The session is no longer trustworthy: its connection ended without a clean shutdown or with a fatal error.
	 */
	INVALIDATED("invalidated"),

	/**
	 * The application removed it.
	 */
	REMOVED("removed"),

	/**
	 * The whole cache was flushed, by the application or because its SSL bundle reloaded.
	 */
	FLUSHED("flushed");

	private final String tag;

	EvictionCause(String tag) {
		this.tag = tag;
	}

	/**
	 * The value of the {@code cause} meter tag.
	 * @return the tag value
	 */
	public String tag() {
		return this.tag;
	}

}
