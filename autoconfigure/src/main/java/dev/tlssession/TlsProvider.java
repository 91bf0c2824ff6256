package dev.tlssession;

/**
 * The TLS implementation behind a session cache.
 */
public enum TlsProvider {

	/**
	 * BoringSSL through netty-tcnative; the starter owns the session store.
	 */
	OPENSSL("openssl"),

	/**
	 * The JDK's SunJSSE; each cache is its own {@code SSLContext} with its own session context.
	 */
	JDK("jdk");

	private final String tag;

	TlsProvider(String tag) {
		this.tag = tag;
	}

	/**
	 * The lower-case name used in properties, meter tags and the endpoint.
	 * @return the name
	 */
	public String tag() {
		return this.tag;
	}

}
