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

package dev.tlssession.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.tlssession.EvictionCause;
import dev.tlssession.HandshakeOutcome;
import dev.tlssession.TlsHandshakeListener;
import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * The caches' meters:
 * <ul>
 * <li>{@code tls.session.handshakes} (timer) by {@code outcome}: {@code resumed},
 * {@code full} or {@code failed};
 * <li>{@code tls.session.offers} (counter) by {@code result}: {@code accepted} or
 * {@code rejected};
 * <li>{@code tls.session.cache.size} (gauge);
 * <li>{@code tls.session.cache.evictions} (counter) by {@code cause}.
 * </ul>
 * Every meter is tagged with {@code cache} and {@code provider}; handshakes and offers
 * also with {@code protocol} ({@code unknown} when a handshake failed before one was
 * agreed) and, when enabled, {@code host} ({@code host:port}). No meter carries session
 * ids or any other secret.
 *
 * @since 0.1.0
 */
public final class TlsSessionMeterBinder implements MeterBinder {

	private static final String UNKNOWN = "unknown";

	private final TlsSessionCaches caches;

	private final boolean hostTag;

	/**
	 * Creates a binder.
	 * @param caches the caches
	 * @param hostTag whether handshake and offer meters get a {@code host} tag (one time
	 * series per upstream)
	 */
	public TlsSessionMeterBinder(TlsSessionCaches caches, boolean hostTag) {
		this.caches = caches;
		this.hostTag = hostTag;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (TlsSessionCache cache : this.caches.caches()) {
			Tags tags = tags(cache);
			Gauge.builder("tls.session.cache.size", cache, TlsSessionCache::size)
				.tags(tags)
				.description("Sessions in the cache")
				.register(registry);
			for (EvictionCause cause : EvictionCause.values()) {
				FunctionCounter.builder("tls.session.cache.evictions", cache, (c) -> c.stats().evictions(cause))
					.tags(tags)
					.tag("cause", cause.tag())
					.description("Sessions that left the cache")
					.register(registry);
			}
		}
		this.caches.addHandshakeListener(new RegistryMeters(registry));
	}

	private static Tags tags(TlsSessionCache cache) {
		return Tags.of("cache", cache.name(), "provider", cache.provider().tag());
	}

	/**
	 * The event-driven meters of one registry, created on first use and kept.
	 */
	private final class RegistryMeters implements TlsHandshakeListener {

		private final MeterRegistry registry;

		private final Map<MeterKey, Timer> timers = new ConcurrentHashMap<>();

		private final Map<MeterKey, Counter> counters = new ConcurrentHashMap<>();

		RegistryMeters(MeterRegistry registry) {
			this.registry = registry;
		}

		@Override
		public void handshake(TlsSessionCache cache, @Nullable TlsSessionKey key, HandshakeOutcome outcome,
				@Nullable String protocol, long durationNanos) {
			MeterKey meterKey = new MeterKey(cache, outcome.tag(), protocol, host(key));
			this.timers
				.computeIfAbsent(meterKey,
						(k) -> Timer.builder("tls.session.handshakes")
							.tags(k.tags("outcome"))
							.description("TLS handshakes, resumed or full")
							.register(this.registry))
				.record(durationNanos, TimeUnit.NANOSECONDS);
		}

		@Override
		public void offer(TlsSessionCache cache, TlsSessionKey key, boolean accepted, @Nullable String protocol) {
			MeterKey meterKey = new MeterKey(cache, accepted ? "accepted" : "rejected", protocol, host(key));
			this.counters
				.computeIfAbsent(meterKey,
						(k) -> Counter.builder("tls.session.offers")
							.tags(k.tags("result"))
							.description("Sessions offered to servers, by whether they resumed them")
							.register(this.registry))
				.increment();
		}

		private @Nullable String host(@Nullable TlsSessionKey key) {
			if (!TlsSessionMeterBinder.this.hostTag) {
				return null;
			}
			return (key != null) ? key.toString() : UNKNOWN;
		}

	}

	private record MeterKey(TlsSessionCache cache, String value, @Nullable String protocol, @Nullable String host) {

		@Override
		public boolean equals(Object other) {
			return this == other
					|| (other instanceof MeterKey key && this.cache == key.cache && this.value.equals(key.value)
							&& Objects.equals(this.protocol, key.protocol) && Objects.equals(this.host, key.host));
		}

		@Override
		public int hashCode() {
			int hash = 31 * System.identityHashCode(this.cache) + this.value.hashCode();
			hash = 31 * hash + ((this.protocol != null) ? this.protocol.hashCode() : 0);
			return 31 * hash + ((this.host != null) ? this.host.hashCode() : 0);
		}

		Tags tags(String valueTag) {
			Tags tags = TlsSessionMeterBinder.tags(this.cache)
				.and(valueTag, this.value, "protocol", (this.protocol != null) ? this.protocol : UNKNOWN);
			return (this.host != null) ? tags.and("host", this.host) : tags;
		}

	}

}
