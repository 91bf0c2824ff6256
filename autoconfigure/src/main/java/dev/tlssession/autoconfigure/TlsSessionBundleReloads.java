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

import javax.net.ssl.SSLException;

import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCaches;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * Rebuilds a cache with the new material when its SSL bundle reloads, flushing the
 * sessions made with the old material: no session survives a change of trust or identity.
 */
final class TlsSessionBundleReloads {

	private static final Log logger = LogFactory.getLog(TlsSessionBundleReloads.class);

	TlsSessionBundleReloads(TlsSessionCaches caches, TlsSessionClientRouting routing, @Nullable SslBundles sslBundles) {
		if (sslBundles == null) {
			return;
		}
		for (TlsSessionCache cache : caches.caches()) {
			String bundle = routing.bundleOf(cache.name());
			if (bundle != null) {
				sslBundles.addBundleUpdateHandler(bundle, (updated) -> rebuild(cache, bundle, updated));
			}
		}
	}

	private static void rebuild(TlsSessionCache cache, String bundleName, SslBundle bundle) {
		try {
			cache.rebuild(TlsSessionCachesFactory.material(bundle));
			logger.info("SSL bundle '" + bundleName + "' reloaded: TLS session cache '" + cache.name()
					+ "' rebuilt and flushed");
		}
		catch (SSLException | RuntimeException ex) {
			// the old context stays: its material is the last that worked, and its
			// sessions are flushed
			cache.flush();
			logger.error("SSL bundle '" + bundleName + "' reloaded but TLS session cache '" + cache.name()
					+ "' could not be rebuilt; it keeps its previous TLS material", ex);
		}
	}

}
