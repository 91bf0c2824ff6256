package dev.tlssession.test;

/**
 * How a test upstream lets its clients resume: the three setups users meet.
 */
public enum ResumptionMode {

	/**
	 * TLS 1.3 only, with session tickets.
	 */
	TLS13("TLSv1.3"),

	/**
	 * TLS 1.2 only, with a server-side session cache and no tickets.
	 */
	TLS12_SESSION_IDS("TLSv1.2"),

	/**
	 * TLS 1.2 only, with tickets and no server-side session cache.
	 */
	TLS12_TICKETS("TLSv1.2");

	private final String protocol;

	ResumptionMode(String protocol) {
		this.protocol = protocol;
	}

	/**
	 * The one protocol the upstream accepts in this mode.
	 * @return {@code TLSv1.3} or {@code TLSv1.2}
	 */
	public String protocol() {
		return this.protocol;
	}

}
