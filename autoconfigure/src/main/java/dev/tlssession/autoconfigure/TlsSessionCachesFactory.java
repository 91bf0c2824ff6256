package dev.tlssession.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLException;

import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsProvider;
import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionConfigurationException;
import dev.tlssession.TlsSessionStore;
import dev.tlssession.autoconfigure.TlsSessionProperties.Cache;
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
 * Builds the caches from {@link TlsSessionProperties}, refusing every setting that is out of range or that the
 * provider cannot honour, with the property, the value and the fix.
 */
final class TlsSessionCachesFactory {

	private static final Log logger = LogFactory.getLog(TlsSessionCachesFactory.class);

	private final TlsSessionProperties properties;

	private final @Nullable SslBundles sslBundles;

	private final List<TlsSessionStore> stores;

	/** What the OpenSSL bridge found, or {@code null} to look (only where netty-tcnative is present). */
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
			caches.put(defaultCache, Cache.DEFAULTS);
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
	 * The provider for a choice. A Netty whose internals the OpenSSL bridge does not know is worth a warning under
	 * {@code auto} (the application loses features it probably expects); a platform without the native library is
	 * not (that is what {@code auto} is for).
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
	 * The application store serving a cache, if any: at most one may, only on OpenSSL, and a cache whose flags
	 * leave every decision to a store must have one.
	 */
	private @Nullable TlsSessionStore store(String name, Cache cache, TlsProvider provider) {
		List<TlsSessionStore> supporting = this.stores.stream().filter((store) -> store.supports(name)).toList();
		if (supporting.size() > 1) {
			throw new TlsSessionConfigurationException(name, "store", supporting,
					"more than one TlsSessionStore bean supports this cache",
					"make TlsSessionStore.supports(String) pick one store per cache");
		}
		TlsSessionStore store = supporting.isEmpty() ? null : supporting.get(0);
		if (store != null && provider == TlsProvider.JDK) {
			throw new TlsSessionConfigurationException(name, "store", store.getClass().getName(),
					"the jdk provider cannot honour a TlsSessionStore: it has no session callbacks",
					"set tls.session.provider=openssl, or make the store's supports(\"" + name + "\") return false");
		}
		if (store == null && cache.noInternalLookup()) {
			throw new TlsSessionConfigurationException(name, "no-internal-lookup", true,
					"without a TlsSessionStore bean nothing would ever be offered",
					"declare a TlsSessionStore bean for this cache, or remove the setting");
		}
		if (store == null && cache.noInternalStore()) {
			throw new TlsSessionConfigurationException(name, "no-internal-store", true,
					"without a TlsSessionStore bean every new session would be dropped",
					"declare a TlsSessionStore bean for this cache, or remove the setting");
		}
		return store;
	}

	private TlsSessionCache create(String name, Cache cache, TlsProvider provider) {
		TlsSessionCacheSettings settings = settings(name, cache, provider);
		TlsSessionStore store = store(name, cache, provider);
		TlsMaterial material = material(name, cache.sslBundle());
		try {
			return switch (provider) {
				case OPENSSL -> new OpenSslTlsSessionCache(name, settings, material, store,
						this.properties.storeTimeout());
				case JDK -> new JdkTlsSessionCache(name, settings, material);
			};
		}
		catch (SSLException | RuntimeException ex) {
			throw new TlsSessionConfigurationException(name, "ssl-bundle", cache.sslBundle(),
					"the TLS context cannot be built: " + ex.getMessage(),
					"check the bundle's protocols, ciphers and key material");
		}
	}

	static TlsSessionCacheSettings settings(String name, Cache cache, TlsProvider provider) {
		if (provider == TlsProvider.JDK) {
			requireJdkDefault(name, "max-sessions-per-host", cache.maxSessionsPerHost(),
					"the JDK keeps up to 10 tickets per upstream and cannot be told otherwise");
			requireJdkDefault(name, "single-use-tickets", Boolean.FALSE.equals(cache.singleUseTickets()) ? false : null,
					"the JDK always offers a TLS 1.3 ticket once");
			requireJdkDefault(name, "evict-on-rejection",
					Boolean.FALSE.equals(cache.evictOnRejection()) ? false : null,
					"the JDK always drops a session the server declined");
			requireJdkDefault(name, "no-internal-store", cache.noInternalStore() ? true : null,
					"the JDK has no new-session callback: every session goes into its cache");
			requireJdkDefault(name, "no-internal-lookup", cache.noInternalLookup() ? true : null,
					"the JDK has no API to offer a chosen session: it always searches its cache");
		}
		try {
			int maxSessionsPerHost = (cache.maxSessionsPerHost() != null) ? cache.maxSessionsPerHost()
					: Math.min(TlsSessionCacheSettings.DEFAULTS.maxSessionsPerHost(), Math.max(1, cache.maxSessions()));
			return new TlsSessionCacheSettings(cache.maxSessions(), maxSessionsPerHost, cache.timeout(),
					cache.reuse(), !Boolean.FALSE.equals(cache.singleUseTickets()),
					!Boolean.FALSE.equals(cache.evictOnRejection()), cache.noInternalStore(),
					cache.noInternalLookup(), cache.handshakeTimeout());
		}
		catch (TlsSessionConfigurationException ex) {
			throw ex.forCache(name);
		}
	}

	private static void requireJdkDefault(String cache, String setting, @Nullable Object value, String reason) {
		if (value != null) {
			throw new TlsSessionConfigurationException(cache, setting, value,
					"the jdk provider cannot honour it: " + reason,
					"remove tls.session.caches." + cache + "." + setting + " or set tls.session.provider=openssl");
		}
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
					"there is no SSL bundle named '" + bundleName + "' (bundles: "
							+ this.sslBundles.getBundleNames() + ")",
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
