package dev.tlssession;

import org.jspecify.annotations.Nullable;

/**
 * A cache setting that is out of range or that the chosen provider cannot honour.
 * <p>
 * It names the cache, the setting and the value so that a start-up failure can point at the exact property.
 */
public final class TlsSessionConfigurationException extends IllegalArgumentException {

	private final @Nullable String cache;

	private final String setting;

	private final @Nullable Object value;

	private final String reason;

	private final String action;

	/**
	 * Creates an exception.
	 * @param cache the cache the setting belongs to, or {@code null} for a global setting
	 * @param setting the setting's property name relative to the cache (for example {@code timeout})
	 * @param value the rejected value
	 * @param reason why it is rejected
	 * @param action what to do instead
	 */
	public TlsSessionConfigurationException(@Nullable String cache, String setting, @Nullable Object value,
			String reason, String action) {
		super(describe(cache, setting) + " = '" + value + "': " + reason);
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
