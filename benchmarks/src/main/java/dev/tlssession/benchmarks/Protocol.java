package dev.tlssession.benchmarks;

/**
 * The TLS version a benchmark server accepts.
 */
enum Protocol {

	TLS12("TLSv1.2", "TLS 1.2", "-tls1_2"), TLS13("TLSv1.3", "TLS 1.3", "-tls1_3");

	final String jsse;

	final String label;

	final String opensslFlag;

	Protocol(String jsse, String label, String opensslFlag) {
		this.jsse = jsse;
		this.label = label;
		this.opensslFlag = opensslFlag;
	}

}
