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

package dev.tlssession.cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLEngine;

import dev.tlssession.HandshakeOutcome;
import dev.tlssession.TlsHandshakeListener;
import dev.tlssession.TlsProvider;
import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.TlsSessionStats;
import dev.tlssession.index.SessionIdHasher;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * The name, settings, counters, listeners and handshake accounting that every cache has,
 * whatever its provider.
 *
 * @since 0.1.0
 */
public abstract class AbstractTlsSessionCache implements TlsSessionCache {

	private static final InternalLogger logger = InternalLoggerFactory.getInstance(AbstractTlsSessionCache.class);

	private final String name;

	private final TlsProvider provider;

	private final TlsSessionCacheSettings settings;

	private final CacheCounters counters = new CacheCounters();

	private final List<TlsHandshakeListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Creates a cache.
	 * @param name the cache's name
	 * @param provider its TLS implementation
	 * @param settings its validated settings
	 */
	protected AbstractTlsSessionCache(String name, TlsProvider provider, TlsSessionCacheSettings settings) {
		this.name = name;
		this.provider = provider;
		this.settings = settings;
		// its salt comes from SecureRandom, which may read a file: never first on an
		// event loop
		SessionIdHasher.get();
	}

	@Override
	public final String name() {
		return this.name;
	}

	@Override
	public final TlsProvider provider() {
		return this.provider;
	}

	@Override
	public final TlsSessionCacheSettings settings() {
		return this.settings;
	}

	@Override
	public final TlsSessionStats stats() {
		return this.counters.snapshot(size());
	}

	@Override
	public final void addHandshakeListener(TlsHandshakeListener listener) {
		this.listeners.add(listener);
	}

	@Override
	public final void removeHandshakeListener(TlsHandshakeListener listener) {
		this.listeners.remove(listener);
	}

	/**
	 * The cache's counters, for the provider to count stores, evictions and store
	 * failures.
	 * @return the counters
	 */
	protected final CacheCounters counters() {
		return this.counters;
	}

	/**
	 * Counts a handshake and tells the listener.
	 * @param key the upstream, or {@code null} for a connection without a host name
	 * @param outcome how it ended
	 * @param protocol the negotiated protocol, or {@code null} when unknown
	 * @param startNanos when it started ({@link System#nanoTime()})
	 */
	protected final void recordHandshake(@Nullable TlsSessionKey key, HandshakeOutcome outcome,
			@Nullable String protocol, long startNanos) {
		this.counters.handshake(outcome);
		long durationNanos = System.nanoTime() - startNanos;
		for (TlsHandshakeListener listener : this.listeners) {
			try {
				listener.handshake(this, key, outcome, protocol, durationNanos);
			}
			catch (RuntimeException ex) {
				logger.warn("Handshake listener failed for cache '{}'", this.name, ex);
			}
		}
	}

	/**
	 * Counts the server's answer to an offered session and tells the listener.
	 * @param key the upstream
	 * @param accepted whether the server resumed it
	 * @param protocol the negotiated protocol, or {@code null} when unknown
	 */
	protected final void recordOffer(TlsSessionKey key, boolean accepted, @Nullable String protocol) {
		this.counters.offer(accepted);
		for (TlsHandshakeListener listener : this.listeners) {
			try {
				listener.offer(this, key, accepted, protocol);
			}
			catch (RuntimeException ex) {
				logger.warn("Handshake listener failed for cache '{}'", this.name, ex);
			}
		}
	}

	/**
	 * The upstream an engine was created for.
	 * @param engine the engine
	 * @return the key, or {@code null} if the engine has no host name and port
	 */
	protected static @Nullable TlsSessionKey keyOf(SSLEngine engine) {
		String host = engine.getPeerHost();
		int port = engine.getPeerPort();
		return (host != null && !host.isEmpty() && port > 0 && port <= 65535) ? new TlsSessionKey(host, port) : null;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.name + "]";
	}

}
