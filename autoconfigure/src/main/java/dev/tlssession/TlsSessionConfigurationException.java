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

package dev.tlssession;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A cache setting that is out of range or that the chosen provider cannot honour.
 * <p>
 * It names the cache, the setting and the value so that a start-up failure can point at
 * the exact property.
 *
 * @since 0.1.0
 */
public final class TlsSessionConfigurationException extends IllegalArgumentException {

	/** The cache the setting belongs to, or {@code null} for a global setting. */
	private final @Nullable String cache;

	/**
	 * The setting's property name relative to the cache, or to {@code tls.session} for a
	 * global setting.
	 */
	private final String setting;

	/** The rejected value. */
	private final @Nullable Object value;

	/** Why the value is rejected. */
	private final String reason;

	/** What to do instead. */
	private final String action;

	/**
	 * Creates an exception.
	 * @param cache the cache the setting belongs to, or {@code null} for a global setting
	 * @param setting the setting's property name relative to the cache (for example
	 * {@code timeout})
	 * @param value the rejected value
	 * @param reason why it is rejected
	 * @param action what to do instead
	 */
	public TlsSessionConfigurationException(@Nullable String cache, String setting, @Nullable Object value,
			String reason, String action) {
		super(describe(cache, setting) + " = '" + display(value) + "': " + reason);
		this.cache = cache;
		this.setting = setting;
		this.value = value;
		this.reason = reason;
		this.action = action;
	}

	private static String describe(@Nullable String cache, String setting) {
		return (cache != null) ? "cache '" + cache + "' " + setting : setting;
	}

	/**
	 * A value as users write it in configuration: durations in the largest whole unit
	 * ({@code 8d}, {@code 90s}, {@code 50ms}), not ISO-8601 ({@code PT192H}).
	 */
	private static String display(@Nullable Object value) {
		if (value instanceof Duration duration) {
			return display(duration);
		}
		return String.valueOf(value);
	}

	private static String display(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		String sign = duration.isNegative() ? "-" : "";
		Duration size = duration.abs();
		if (size.toNanos() % 1_000_000 != 0) {
			return sign + size.toNanos() + "ns";
		}
		long millis = size.toMillis();
		long[] units = { 86_400_000, 3_600_000, 60_000, 1000, 1 };
		String[] suffixes = { "d", "h", "m", "s", "ms" };
		for (int i = 0; i < units.length; i++) {
			if (millis % units[i] == 0) {
				return sign + (millis / units[i]) + suffixes[i];
			}
		}
		return sign + millis + "ms";
	}

	/**
	 * Returns the same failure attributed to a cache.
	 * @param cacheName the cache the setting belongs to
	 * @return a new exception
	 */
	public TlsSessionConfigurationException forCache(String cacheName) {
		return new TlsSessionConfigurationException(cacheName, this.setting, this.value, this.reason, this.action);
	}

	/**
	 * The cache name, or {@code null} for a global setting.
	 * @return the cache name
	 */
	public @Nullable String getCache() {
		return this.cache;
	}

	/**
	 * The setting, relative to the cache.
	 * @return the setting name
	 */
	public String getSetting() {
		return this.setting;
	}

	/**
	 * The rejected value.
	 * @return the value
	 */
	public @Nullable Object getValue() {
		return this.value;
	}

	/**
	 * The rejected value as users write it in configuration, durations in the largest
	 * whole unit ({@code 8d}, not {@code PT192H}).
	 * @return the value as text
	 */
	public String getDisplayValue() {
		return display(this.value);
	}

	/**
	 * Why the value is rejected.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * What to do to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
