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

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import dev.tlssession.EvictionCause;
import dev.tlssession.HandshakeOutcome;
import dev.tlssession.TlsSessionStats;

/**
 * The counters of one cache. Thread-safe and cheap to increment from I/O threads.
 *
 * @since 0.1.0
 */
public final class CacheCounters {

	private final LongAdder resumed = new LongAdder();

	private final LongAdder full = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder offersAccepted = new LongAdder();

	private final LongAdder offersRejected = new LongAdder();

	private final LongAdder stored = new LongAdder();

	private final LongAdder dropped = new LongAdder();

	private final LongAdder storeFailures = new LongAdder();

	private final Map<EvictionCause, LongAdder> evictions = new EnumMap<>(EvictionCause.class);

	/**
	 * Creates zeroed counters.
	 */
	public CacheCounters() {
		for (EvictionCause cause : EvictionCause.values()) {
			this.evictions.put(cause, new LongAdder());
		}
	}

	/**
	 * Counts a handshake.
	 * @param outcome how it ended
	 */
	public void handshake(HandshakeOutcome outcome) {
		switch (outcome) {
			case RESUMED -> this.resumed.increment();
			case FULL -> this.full.increment();
			case FAILED -> this.failed.increment();
		}
	}

	/**
	 * Counts the server's answer to an offered session.
	 * @param accepted whether it resumed
	 */
	public void offer(boolean accepted) {
		(accepted ? this.offersAccepted : this.offersRejected).increment();
	}

	/**
	 * Counts a session kept by the cache.
	 */
	public void stored() {
		this.stored.increment();
	}

	/**
	 * Counts a session the cache did not keep: unusable on arrival, or no store to hand
	 * it to.
	 */
	public void dropped() {
		this.dropped.increment();
	}

	/**
	 * Counts a store call that failed.
	 */
	public void storeFailure() {
		this.storeFailures.increment();
	}

	/**
	 * Counts sessions that left the cache.
	 * @param cause why
	 * @param count how many
	 */
	public void evicted(EvictionCause cause, int count) {
		this.evictions.get(cause).add(count);
	}

	/**
	 * A snapshot.
	 * @param size the cache's size now
	 * @return the statistics
	 */
	public TlsSessionStats snapshot(int size) {
		Map<EvictionCause, Long> evicted = new EnumMap<>(EvictionCause.class);
		this.evictions.forEach((cause, count) -> evicted.put(cause, count.sum()));
		return new TlsSessionStats(this.resumed.sum(), this.full.sum(), this.failed.sum(), this.offersAccepted.sum(),
				this.offersRejected.sum(), this.stored.sum(), this.dropped.sum(), this.storeFailures.sum(), size,
				evicted);
	}

}
