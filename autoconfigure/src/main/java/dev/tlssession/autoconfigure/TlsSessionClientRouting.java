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

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.routing.RoutingSslContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * Decides which caches serve an HTTP client that Spring Boot builds, given the SSL bundle
 * it was built with.
 * <p>
 * A client without a bundle routes by every cache's host rules, unmatched hosts to the
 * default cache. A client built with bundle {@code B} (through
 * {@code WebClientSsl.fromBundle}, {@code spring.http.clients.ssl.bundle} or a service
 * group) keeps {@code B}'s TLS configuration: it routes among the caches whose
 * {@code ssl-bundle} is {@code B}, unmatched hosts to the default cache if it uses
 * {@code B}, else to the first such cache. When no cache uses {@code B}, the client keeps
 * the context Spring Boot built for it and a warning says how to manage it.
 *
 * @since 0.1.0
 */
public final class TlsSessionClientRouting {

	private static final Log logger = LogFactory.getLog(TlsSessionClientRouting.class);

	private final TlsSessionCaches caches;

	private final Map<String, String> cacheBundles;

	private final @Nullable SslBundles sslBundles;

	private final Map<String, Optional<RoutingSslContext>> byBundle = new ConcurrentHashMap<>();

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	/**
	 * Creates a routing.
	 * @param caches the caches
	 * @param cacheBundles the SSL bundle name of each cache that has one
	 * @param sslBundles the bundles, or {@code null} when the application has none
	 */
	public TlsSessionClientRouting(TlsSessionCaches caches, Map<String, String> cacheBundles,
			@Nullable SslBundles sslBundles) {
		this.caches = caches;
		this.cacheBundles = Map.copyOf(cacheBundles);
		this.sslBundles = sslBundles;
	}

	/**
	 * The context for a client built with a bundle.
	 * @param bundle the client's bundle, or {@code null}
	 * @return the context, or {@code null} when no cache uses the bundle and the client
	 * should keep its own
	 */
	public @Nullable RoutingSslContext contextFor(@Nullable SslBundle bundle) {
		if (bundle == null) {
			return this.caches.sslContext();
		}
		String name = nameOf(bundle);
		if (name == null) {
			warnOnce("<unnamed>", "an SSL bundle that is not registered in SslBundles");
			return null;
		}
		RoutingSslContext context = contextForBundle(name);
		if (context == null) {
			warnOnce(name, "SSL bundle '" + name + "'");
		}
		return context;
	}

	/**
	 * The context for a client configured with a registered bundle by name, without a
	 * warning: for callers that explain in their own terms why a client keeps its own
	 * context.
	 * @param bundle the bundle name
	 * @return the context that routes among the caches using the bundle, or {@code null}
	 * when none does
	 */
	public @Nullable RoutingSslContext contextForBundle(String bundle) {
		return this.byBundle.computeIfAbsent(bundle, this::routingFor).orElse(null);
	}

	private @Nullable String nameOf(SslBundle bundle) {
		if (this.sslBundles != null) {
			for (String name : this.sslBundles.getBundleNames()) {
				if (this.sslBundles.getBundle(name) == bundle) {
					return name;
				}
			}
		}
		return null;
	}

	private Optional<RoutingSslContext> routingFor(String bundle) {
		List<TlsSessionCache> users = this.caches.caches()
			.stream()
			.filter((cache) -> bundle.equals(this.cacheBundles.get(cache.name())))
			.toList();
		if (users.isEmpty()) {
			return Optional.empty();
		}
		TlsSessionCache defaultCache = this.caches.defaultCache();
		TlsSessionCache fallback = users.contains(defaultCache) ? defaultCache : users.get(0);
		return Optional.of(this.caches.sslContext(users::contains, fallback));
	}

	private void warnOnce(String key, String what) {
		if (this.warned.add(key)) {
			logger.warn("An HTTP client is built with " + what + " that no TLS session cache uses: its sessions are "
					+ "not shared, bounded or observed. Set tls.session.caches.<name>.ssl-bundle to manage them.");
		}
	}

	/**
	 * The SSL bundle name of a cache.
	 * @param cache the cache name
	 * @return the bundle name, or {@code null}
	 */
	public @Nullable String bundleOf(String cache) {
		return this.cacheBundles.get(Objects.requireNonNull(cache));
	}

}
