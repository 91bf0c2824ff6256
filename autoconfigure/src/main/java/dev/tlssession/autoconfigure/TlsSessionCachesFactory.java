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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.net.ssl.SSLException;

import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsProvider;
import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionConfigurationException;
import dev.tlssession.TlsSessionStore;
import dev.tlssession.autoconfigure.TlsSessionProperties.Cache;
import dev.tlssession.autoconfigure.TlsSessionProperties.CacheDefaults;
import dev.tlssession.autoconfigure.TlsSessionProperties.Setting;
import dev.tlssession.jdk.JdkTlsSessionCache;
import dev.tlssession.openssl.OpenSslSupport;
import dev.tlssession.openssl.OpenSslTlsSessionCache;
import dev.tlssession.routing.HostRule;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.util.ClassUtils;

/**
 * Builds the caches from {@link TlsSessionProperties}, refusing every setting that is out
 * of range or that the provider cannot honour, with the property, the value and the fix.
 */
final class TlsSessionCachesFactory {

	private static final Log logger = LogFactory.getLog(TlsSessionCachesFactory.class);

	private final TlsSessionProperties properties;

	private final @Nullable SslBundles sslBundles;

	private final List<TlsSessionStore> stores;

	/**
	 * What the OpenSSL bridge found, or {@code null} to look (only where netty-tcnative
	 * is present).
	 */
	private final OpenSslSupport.@Nullable Availability openSsl;

	TlsSessionCachesFactory(TlsSessionProperties properties, @Nullable SslBundles sslBundles,
			List<TlsSessionStore> stores) {
		this(properties, sslBundles, stores, null);
	}

	TlsSessionCachesFactory(TlsSessionProperties properties, @Nullable SslBundles sslBundles,
			List<TlsSessionStore> stores, OpenSslSupport.@Nullable Availability openSsl) {
		this.properties = properties;
		this.sslBundles = sslBundles;
		this.stores = stores;
		this.openSsl = openSsl;
	}

	TlsSessionCaches create() {
		TlsProvider provider = (this.openSsl != null) ? provider(this.properties.provider(), this.openSsl)
				: provider(this.properties.provider());
		Map<String, Cache> declared = caches(this.properties);
		Map<String, List<HostRule>> hostRules = hostRules(declared);
		Duration storeTimeout = this.properties.storeTimeout();
		if (storeTimeout.isNegative() || storeTimeout.isZero() || storeTimeout.compareTo(Duration.ofSeconds(10)) > 0) {
			throw new TlsSessionConfigurationException(null, "store-timeout", storeTimeout,
					"must be more than 0 and at most 10s: every new connection may wait that long",
					"set a short duration such as 50ms");
		}
		// the defaults are checked on their own, so that a bad one is reported even when
		// every cache overrides it
		settings(TlsSessionProperties.DEFAULT_CACHE, Cache.UNSET, this.properties.cacheDefaults(), provider);
		List<TlsSessionCache> caches = new ArrayList<>();
		declared.forEach((name, cache) -> caches.add(create(name, cache, provider)));
		logger.info("TLS session caches " + declared.keySet() + " on provider " + provider.tag()
				+ ((this.properties.provider() == TlsSessionProperties.Provider.AUTO) ? " (auto)" : ""));
		return new TlsSessionCaches(caches, hostRules, this.properties.defaultCache());
	}

	/**
	 * The declared caches, plus the default cache when it is not declared.
	 */
	static Map<String, Cache> caches(TlsSessionProperties properties) {
		Map<String, Cache> caches = new LinkedHashMap<>(properties.caches());
		String defaultCache = properties.defaultCache();
		if (!caches.containsKey(defaultCache)) {
			if (!TlsSessionProperties.DEFAULT_CACHE.equals(defaultCache)) {
				throw new TlsSessionConfigurationException(null, "default-cache", defaultCache,
						"there is no cache named '" + defaultCache + "' (declared caches: " + caches.keySet() + ")",
						"declare tls.session.caches." + defaultCache + " or name one of the declared caches");
			}
			caches.put(defaultCache, Cache.UNSET);
		}
		return caches;
	}

	static TlsProvider provider(TlsSessionProperties.Provider choice) {
		if (!ClassUtils.isPresent("io.netty.internal.tcnative.SSL", TlsSessionCachesFactory.class.getClassLoader())) {
			return provider(choice, "netty-tcnative is not on the class path", false);
		}
		return provider(choice, OpenSslSupport.availability());
	}

	static TlsProvider provider(TlsSessionProperties.Provider choice, OpenSslSupport.Availability openSsl) {
		return provider(choice, openSsl.reason(), openSsl.isNettyIncompatible());
	}

	/**
	 * The provider for a choice. A Netty whose internals the OpenSSL bridge does not know
	 * is worth a warning under {@code auto} (the application loses features it probably
	 * expects); a platform without the native library is not (that is what {@code auto}
	 * is for).
	 */
	private static TlsProvider provider(TlsSessionProperties.Provider choice, @Nullable String unavailable,
			boolean nettyIncompatible) {
		return switch (choice) {
			case JDK -> TlsProvider.JDK;
			case OPENSSL -> {
				if (unavailable != null) {
					throw new TlsSessionConfigurationException(null, "provider", "openssl",
							"OpenSSL cannot be used: " + unavailable,
							nettyIncompatible
									? "use a Netty version this starter supports (its README lists the tested "
											+ "versions), or set tls.session.provider=jdk"
									: "add io.netty:netty-tcnative-boringssl-static for this platform, or set "
											+ "tls.session.provider=jdk");
				}
				yield TlsProvider.OPENSSL;
			}
			case AUTO -> {
				if (unavailable != null && nettyIncompatible) {
					logger.warn("OpenSSL cannot be used (" + unavailable + "); TLS session caches use the JDK "
							+ "provider. Use a Netty version this starter supports, or set tls.session.provider=jdk");
					yield TlsProvider.JDK;
				}
				if (unavailable != null) {
					logger.info("OpenSSL cannot be used (" + unavailable + "); TLS session caches use the JDK");
					yield TlsProvider.JDK;
				}
				yield TlsProvider.OPENSSL;
			}
		};
	}

	private static Map<String, List<HostRule>> hostRules(Map<String, Cache> caches) {
		Map<String, List<HostRule>> rules = new LinkedHashMap<>();
		Map<HostRule, String> claimed = new HashMap<>();
		caches.forEach((name, cache) -> {
			List<HostRule> parsed = new ArrayList<>();
			for (String text : cache.hosts()) {
				HostRule rule = parse(name, text);
				String owner = claimed.putIfAbsent(rule, name);
				if (owner != null) {
					throw new TlsSessionConfigurationException(name, "hosts", text,
							"the rule is already claimed by cache '" + owner + "'",
							"a host rule belongs to one cache: remove it from tls.session.caches." + owner
									+ ".hosts or from tls.session.caches." + name + ".hosts");
				}
				parsed.add(rule);
			}
			rules.put(name, List.copyOf(parsed));
		});
		return rules;
	}

	private static HostRule parse(String cache, String text) {
		try {
			return HostRule.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new TlsSessionConfigurationException(cache, "hosts", text, ex.getMessage(),
					"use a host name such as api.example.com or *.example.com, optionally followed by :port");
		}
	}

	/**
	 * The application store serving a cache, if any: at most one may, only on OpenSSL,
	 * and a cache whose flags leave every decision to a store must have one.
	 */
	private @Nullable TlsSessionStore store(String name, Cache cache, TlsSessionCacheSettings settings,
			TlsProvider provider) {
		List<TlsSessionStore> supporting = this.stores.stream().filter((store) -> store.supports(name)).toList();
		if (supporting.size() > 1) {
			throw new TlsSessionStoreConfigurationException(name, beanTypes(supporting),
					"more than one TlsSessionStore bean supports this cache",
					"make TlsSessionStore.supports(String) accept \"" + name + "\" in one store only");
		}
		TlsSessionStore store = supporting.isEmpty() ? null : supporting.get(0);
		if (store != null && provider == TlsProvider.JDK) {
			throw new TlsSessionStoreConfigurationException(name, beanTypes(supporting),
					"the jdk provider cannot honour a TlsSessionStore: it has no session callbacks",
					"set tls.session.provider=openssl, or make the store's supports(\"" + name + "\") return false");
		}
		if (store == null && settings.noInternalLookup()) {
			throw needsStore(name, cache, Setting.NO_INTERNAL_LOOKUP, "nothing would ever be offered");
		}
		if (store == null && settings.noInternalStore()) {
			throw needsStore(name, cache, Setting.NO_INTERNAL_STORE, "every new session would be dropped");
		}
		return store;
	}

	private TlsSessionConfigurationException needsStore(String name, Cache cache, Setting<Boolean> setting,
			String consequence) {
		String property = setting.source(name, cache, this.properties.cacheDefaults());
		String reason = "without a TlsSessionStore bean for cache '" + name + "' " + consequence;
		String action = "declare a TlsSessionStore bean for this cache, or remove the setting";
		return (property != null && property.startsWith("tls.session.cache-defaults."))
				? new TlsSessionConfigurationException(null, "cache-defaults." + setting.name(), true, reason, action)
				: new TlsSessionConfigurationException(name, setting.name(), true, reason, action);
	}

	private static List<String> beanTypes(List<TlsSessionStore> stores) {
		return stores.stream().map((store) -> store.getClass().getName()).toList();
	}

	private TlsSessionCache create(String name, Cache cache, TlsProvider provider) {
		TlsSessionCacheSettings settings = settings(name, cache, this.properties.cacheDefaults(), provider);
		TlsSessionStore store = store(name, cache, settings, provider);
		TlsMaterial material = material(name, cache.sslBundle());
		try {
			return switch (provider) {
				case OPENSSL ->
					new OpenSslTlsSessionCache(name, settings, material, store, this.properties.storeTimeout());
				case JDK -> new JdkTlsSessionCache(name, settings, material);
			};
		}
		catch (TlsSessionConfigurationException ex) {
			// a setting the provider refused once it saw the TLS stack (such as a
			// key-exchange group)
			throw attribute(ex, name, cache, this.properties.cacheDefaults());
		}
		catch (SSLException | RuntimeException ex) {
			throw new TlsSessionConfigurationException(name, "ssl-bundle", cache.sslBundle(),
					"the TLS context cannot be built: " + ex.getMessage(),
					"check the bundle's protocols, ciphers and key material");
		}
	}

	/**
	 * A cache's settings: key by key its own value, else the cache-defaults value, else
	 * the built-in default. A failure names the property that gave the bad value.
	 */
	static TlsSessionCacheSettings settings(String name, Cache cache, CacheDefaults defaults, TlsProvider provider) {
		if (provider == TlsProvider.JDK) {
			refuseOnJdk(name, cache, defaults, Setting.KEY_EXCHANGE_GROUPS,
					(groups) -> !groups.isEmpty() && !JdkTlsSessionCache.supportsKeyExchangeGroups(),
					"choosing key-exchange groups per cache needs Java 20 or later (SSLParameters.setNamedGroups), "
							+ "and this JVM is Java " + Runtime.version().feature());
			refuseOnJdk(name, cache, defaults, Setting.SINGLE_USE_TICKETS, Boolean.FALSE::equals,
					"the JDK always offers a TLS 1.3 ticket once");
			refuseOnJdk(name, cache, defaults, Setting.EVICT_ON_REJECTION, Boolean.FALSE::equals,
					"the JDK always drops a session the server declined");
			refuseOnJdk(name, cache, defaults, Setting.NO_INTERNAL_STORE, Boolean.TRUE::equals,
					"the JDK has no new-session callback: every session goes into its cache");
			refuseOnJdk(name, cache, defaults, Setting.NO_INTERNAL_LOOKUP, Boolean.TRUE::equals,
					"the JDK has no API to offer a chosen session: it always searches its cache");
		}
		int maxSessions = Setting.MAX_SESSIONS.resolve(cache, defaults);
		int maxSessionsPerHost = (Setting.MAX_SESSIONS_PER_HOST.source(name, cache, defaults) != null)
				? Setting.MAX_SESSIONS_PER_HOST.resolve(cache, defaults)
				: Math.min(TlsSessionCacheSettings.DEFAULTS.maxSessionsPerHost(), Math.max(1, maxSessions));
		try {
			return new TlsSessionCacheSettings(maxSessions, maxSessionsPerHost,
					Setting.TIMEOUT.resolve(cache, defaults), Setting.REUSE.resolve(cache, defaults),
					Setting.SINGLE_USE_TICKETS.resolve(cache, defaults),
					Setting.EVICT_ON_REJECTION.resolve(cache, defaults),
					Setting.NO_INTERNAL_STORE.resolve(cache, defaults),
					Setting.NO_INTERNAL_LOOKUP.resolve(cache, defaults),
					Setting.HANDSHAKE_TIMEOUT.resolve(cache, defaults),
					Setting.KEY_EXCHANGE_GROUPS.resolve(cache, defaults));
		}
		catch (TlsSessionConfigurationException ex) {
			throw attribute(ex, name, cache, defaults);
		}
	}

	/**
	 * The same failure, naming the property the value came from: the cache's own, or
	 * cache-defaults'.
	 */
	private static TlsSessionConfigurationException attribute(TlsSessionConfigurationException ex, String name,
			Cache cache, CacheDefaults defaults) {
		for (Setting<?> setting : Setting.ALL) {
			if (setting.name().equals(ex.getSetting()) && setting.perCache().apply(cache) == null
					&& setting.defaults().apply(defaults) != null) {
				return new TlsSessionConfigurationException(null, "cache-defaults." + setting.name(), ex.getValue(),
						ex.getReason(), ex.getAction());
			}
		}
		return ex.forCache(name);
	}

	private static <T> void refuseOnJdk(String cacheName, Cache cache, CacheDefaults defaults, Setting<T> setting,
			Predicate<T> unsupported, String reason) {
		T own = setting.perCache().apply(cache);
		T configured = (own != null) ? own : setting.defaults().apply(defaults);
		if (configured == null || !unsupported.test(configured)) {
			return;
		}
		String property = setting.source(cacheName, cache, defaults);
		// a list is shown by its first element, which the failure analysis can trace to
		// where it was written
		Object shown = (configured instanceof List<?> list && !list.isEmpty()) ? list.get(0) : configured;
		throw new TlsSessionConfigurationException((own != null) ? cacheName : null,
				(own != null) ? setting.name() : "cache-defaults." + setting.name(), shown,
				"the jdk provider cannot honour it: " + reason,
				"remove " + property + " or set tls.session.provider=openssl");
	}

	private TlsMaterial material(String cache, @Nullable String bundleName) {
		if (bundleName == null) {
			return TlsMaterial.JVM_DEFAULT;
		}
		SslBundle bundle = bundle(cache, bundleName);
		return material(bundle);
	}

	SslBundle bundle(String cache, String bundleName) {
		if (this.sslBundles == null) {
			throw new TlsSessionConfigurationException(cache, "ssl-bundle", bundleName,
					"there are no SSL bundles in this application",
					"declare spring.ssl.bundle.pem." + bundleName + " (or .jks) or remove the setting");
		}
		try {
			return this.sslBundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			throw new TlsSessionConfigurationException(cache, "ssl-bundle", bundleName,
					"there is no SSL bundle named '" + bundleName + "' (bundles: " + this.sslBundles.getBundleNames()
							+ ")",
					"declare spring.ssl.bundle.pem." + bundleName + " (or .jks) or use one of the bundle names");
		}
	}

	static TlsMaterial material(SslBundle bundle) {
		SslManagerBundle managers = bundle.getManagers();
		SslOptions options = bundle.getOptions();
		return new TlsMaterial(managers.getKeyManagerFactory(), managers.getTrustManagerFactory(),
				list(options.getEnabledProtocols()), list(options.getCiphers()));
	}

	private static @Nullable List<String> list(String @Nullable [] values) {
		return (values != null) ? Arrays.asList(values) : null;
	}

}
