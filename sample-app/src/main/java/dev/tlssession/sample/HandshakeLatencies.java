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

package dev.tlssession.sample;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.tlssession.HandshakeOutcome;
import dev.tlssession.TlsHandshakeListener;
import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionKey;
import org.jspecify.annotations.Nullable;

/**
 * Handshake durations by cache and outcome during one demo run, up to a bounded number
 * per series.
 */
final class HandshakeLatencies implements TlsHandshakeListener {

	private static final int MAX_SAMPLES = 20_000;

	private final Map<String, Series> series = new ConcurrentHashMap<>();

	@Override
	public void handshake(TlsSessionCache cache, @Nullable TlsSessionKey key, HandshakeOutcome outcome,
			@Nullable String protocol, long durationNanos) {
		if (outcome != HandshakeOutcome.FAILED) {
			this.series.computeIfAbsent(cache.name() + "/" + outcome.tag(), (name) -> new Series()).add(durationNanos);
		}
	}

	double medianMillis(String cache, boolean resumed) {
		Series samples = this.series.get(cache + "/" + (resumed ? "resumed" : "full"));
		return (samples != null) ? samples.medianMillis() : 0;
	}

	private static final class Series {

		private final long[] nanos = new long[MAX_SAMPLES];

		private int count;

		synchronized void add(long duration) {
			if (this.count < MAX_SAMPLES) {
				this.nanos[this.count++] = duration;
			}
		}

		synchronized double medianMillis() {
			if (this.count == 0) {
				return 0;
			}
			long[] sorted = Arrays.copyOf(this.nanos, this.count);
			Arrays.sort(sorted);
			return Math.round(sorted[this.count / 2] / 10_000.0) / 100.0;
		}

	}

}
