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

package dev.tlssession.autoconfigure;

import dev.tlssession.TlsSessionConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;
import org.springframework.util.ObjectUtils;

/**
 * Explains an invalid {@code tls.session.*} setting (the property, the value as it was
 * written, where it was written, why, and what to do) or a
 * {@link dev.tlssession.TlsSessionStore} bean that cannot serve a cache.
 */
final class TlsSessionConfigurationFailureAnalyzer implements FailureAnalyzer {

	/**
	 * How far to look for the element of a list property ({@code hosts[0]}) that holds a
	 * rejected value.
	 */
	private static final int MAX_LIST_INDEX = 256;

	private final @Nullable Environment environment;

	/**
	 * Creates an analyzer; Spring Boot passes the application's environment, where the
	 * values' origins are.
	 * @param environment the environment, or {@code null} when unknown
	 */
	TlsSessionConfigurationFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof TlsSessionConfigurationException ex) {
				return analyze(ex);
			}
			if (cause instanceof TlsSessionStoreConfigurationException ex) {
				return analyze(ex);
			}
		}
		return null;
	}

	private FailureAnalysis analyze(TlsSessionConfigurationException cause) {
		String property = property(cause);
		ConfigurationProperty source = find(property, cause.getValue());
		String value = (source != null && source.getValue() != null) ? written(source) : cause.getDisplayValue();
		Origin origin = (source != null) ? source.getOrigin() : null;
		StringBuilder description = new StringBuilder("Invalid TLS session configuration:%n%n".formatted());
		description.append("    Property: %s%n    Value: \"%s\"%n"
			.formatted((source != null) ? source.getName() : property, value));
		if (origin != null) {
			description.append("    Origin: %s%n".formatted(origin));
		}
		description.append("    Reason: %s".formatted(cause.getReason()));
		return new FailureAnalysis(description.toString(), "Update " + property + ": " + cause.getAction() + ".",
				cause);
	}

	private FailureAnalysis analyze(TlsSessionStoreConfigurationException cause) {
		String description = ("TLS session cache '%s' cannot use the TlsSessionStore beans it was given:%n%n"
				+ "    Beans: %s%n    Reason: %s")
			.formatted(cause.getCache(), String.join(", ", cause.getBeanTypes()), cause.getReason());
		return new FailureAnalysis(description, "Change the TlsSessionStore beans: " + cause.getAction() + ".", cause);
	}

	/**
	 * The property a failure is about, as users write it.
	 * @param ex the failure
	 * @return the full property name
	 */
	static String property(TlsSessionConfigurationException ex) {
		return (ex.getCache() != null) ? "tls.session.caches." + ex.getCache() + "." + ex.getSetting()
				: "tls.session." + ex.getSetting();
	}

	/**
	 * A configured value as the starter saw it: as written, with any placeholder
	 * resolved.
	 */
	private String written(ConfigurationProperty property) {
		String text = String.valueOf(property.getValue());
		return (this.environment != null && text.contains("${")) ? this.environment.resolvePlaceholders(text) : text;
	}

	/**
	 * The configured property that holds the rejected value: the property itself, or for
	 * a list the element holding the value, in the property source that wins.
	 */
	private @Nullable ConfigurationProperty find(String property, @Nullable Object value) {
		if (this.environment == null || !ConfigurationPropertyName.isValid(property)) {
			return null;
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty found = source.getConfigurationProperty(name);
			if (found != null) {
				return found;
			}
			for (int i = 0; i < MAX_LIST_INDEX; i++) {
				ConfigurationProperty element = source.getConfigurationProperty(name.append("[" + i + "]"));
				if (element == null) {
					break;
				}
				if (ObjectUtils.nullSafeEquals(written(element).trim(), String.valueOf(value))) {
					return element;
				}
			}
		}
		return null;
	}

}
