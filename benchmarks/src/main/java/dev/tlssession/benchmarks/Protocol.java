package dev.tlssession.benchmarks;

import dev.tlssession.test.ResumptionMode;

/**
 * The TLS version a benchmark server accepts, and how it lets clients resume (TLS 1.2 with tickets, as servers that
 * offer both tickets and a session cache resume the clients measured here).
 */
enum Protocol {

	TLS12("TLSv1.2", "TLS 1.2", ResumptionMode.TLS12_TICKETS), TLS13("TLSv1.3", "TLS 1.3", ResumptionMode.TLS13);

	final String jsse;

	final String label;

	final ResumptionMode mode;

	Protocol(String jsse, String label, ResumptionMode mode) {
		this.jsse = jsse;
		this.label = label;
		this.mode = mode;
	}

}
