package dev.tlssession.autoconfigure;

import java.util.List;

/**
 * The {@link dev.tlssession.TlsSessionStore} beans cannot serve a cache: more than one supports it, or the provider
 * cannot honour one. A bean problem, not a property: there is no property to name.
 */
final class TlsSessionStoreConfigurationException extends IllegalStateException {

	private final String cache;

	private final List<String> beanTypes;

	private final String reason;

	private final String action;

	TlsSessionStoreConfigurationException(String cache, List<String> beanTypes, String reason, String action) {
		super("TLS session cache '" + cache + "': " + reason + " " + beanTypes);
		this.cache = cache;
		this.beanTypes = List.copyOf(beanTypes);
		this.reason = reason;
		this.action = action;
	}

	String getCache() {
		return this.cache;
	}

	List<String> getBeanTypes() {
		return this.beanTypes;
	}

	String getReason() {
		return this.reason;
	}

	String getAction() {
		return this.action;
	}

}
