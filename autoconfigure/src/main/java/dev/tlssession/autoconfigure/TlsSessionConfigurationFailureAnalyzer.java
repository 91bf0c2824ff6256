package dev.tlssession.autoconfigure;

import dev.tlssession.TlsSessionConfigurationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an invalid {@code tls.session.*} setting: the property, the value, why, and what to do.
 */
class TlsSessionConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<TlsSessionConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TlsSessionConfigurationException cause) {
		String property = property(cause);
		String description = "Invalid TLS session configuration:%n%n    Property: %s%n    Value: \"%s\"%n    Reason: %s"
			.formatted(property, cause.getValue(), cause.getReason());
		return new FailureAnalysis(description, "Update " + property + ": " + cause.getAction() + ".", cause);
	}

	static String property(TlsSessionConfigurationException ex) {
		return (ex.getCache() != null) ? "tls.session.caches." + ex.getCache() + "." + ex.getSetting()
				: "tls.session." + ex.getSetting();
	}

}
