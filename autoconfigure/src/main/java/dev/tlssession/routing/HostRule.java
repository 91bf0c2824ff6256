/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.tlssession.routing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A rule that routes connections to a cache: {@code api.example.com},
 * {@code *.example.com} (any host below {@code example.com}, not {@code example.com}
 * itself), each with an optional {@code :port}.
 *
 * @param host the host name, or the domain below which any host matches when
 * {@code wildcard}
 * @param wildcard whether the rule matches every host below {@code host}
 * @param port the port, or {@code -1} for any port
 * @since 0.1.0
 */
public record HostRule(String host, boolean wildcard, int port) {

	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private static final Pattern IPV4 = Pattern.compile("[0-9.]+");

	/**
	 * Parses a rule.
	 * @param rule the rule text
	 * @return the rule
	 * @throws IllegalArgumentException with a message saying what is wrong with it
	 */
	public static HostRule parse(String rule) {
		if (rule == null || rule.isBlank()) {
			throw new IllegalArgumentException("a host rule must not be empty");
		}
		String text = rule.trim().toLowerCase(Locale.ROOT);
		if (text.startsWith("[") || text.chars().filter((c) -> c == ':').count() > 1) {
			throw new IllegalArgumentException("IP addresses are not host rules: sessions are keyed by host name, "
					+ "and no SNI is sent to an IP address");
		}
		int port = -1;
		int colon = text.indexOf(':');
		if (colon >= 0) {
			port = parsePort(text.substring(colon + 1));
			text = text.substring(0, colon);
		}
		boolean wildcard = text.startsWith("*.");
		String host = wildcard ? text.substring(2) : text;
		if (IPV4.matcher(host).matches()) {
			throw new IllegalArgumentException("IP addresses are not host rules: sessions are keyed by host name, "
					+ "and no SNI is sent to an IP address");
		}
		if (host.isEmpty() || host.length() > 253 || host.contains("*")) {
			throw new IllegalArgumentException(
					"expected a host name such as api.example.com or *.example.com, optionally with :port");
		}
		for (String label : host.split("\\.", -1)) {
			if (!LABEL.matcher(label).matches()) {
				throw new IllegalArgumentException("'" + label + "' is not a valid host name label");
			}
		}
		return new HostRule(host, wildcard, port);
	}

	private static int parsePort(String port) {
		try {
			int value = Integer.parseInt(port);
			if (value >= 1 && value <= 65535) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("'" + port + "' is not a port from 1 to 65535");
	}

	/**
	 * Whether a connection's upstream matches.
	 * @param host the host name, lower case, without a trailing dot
	 * @param port the port
	 * @return {@code true} if it matches
	 */
	public boolean matches(String host, int port) {
		if (this.port != -1 && this.port != port) {
			return false;
		}
		return this.wildcard ? host.length() > this.host.length() + 1 && host.endsWith("." + this.host)
				: host.equals(this.host);
	}

	/**
	 * How specific the rule is: an exact host beats a wildcard, a longer domain beats a
	 * shorter one, a port beats none.
	 * @return a rank, higher is more specific
	 */
	int specificity() {
		return (this.wildcard ? 0 : 1 << 20) + (this.host.length() << 1) + ((this.port != -1) ? 1 : 0);
	}

	@Override
	public String toString() {
		return (this.wildcard ? "*." : "") + this.host + ((this.port != -1) ? ":" + this.port : "");
	}

}
