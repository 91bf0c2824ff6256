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

import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of a cache's counters since it was created.
 *
 * @param resumedHandshakes handshakes the server resumed
 * @param fullHandshakes full handshakes
 * @param failedHandshakes handshakes that did not complete
 * @param offersAccepted offered sessions the server resumed
 * @param offersRejected offered sessions the server declined
 * @param stored sessions kept by the cache
 * @param dropped sessions the cache did not keep: unusable on arrival (a zero ticket
 * lifetime, or outside their lifetime by the clock), or {@code no-internal-store} without
 * a store
 * @param storeFailures {@link TlsSessionStore} calls that threw, timed out or returned a
 * foreign session
 * @param size sessions in the cache now
 * @param evictions sessions that left the cache, by cause
 * @since 0.1.0
 */
public record TlsSessionStats(long resumedHandshakes, long fullHandshakes, long failedHandshakes, long offersAccepted,
		long offersRejected, long stored, long dropped, long storeFailures, int size,
		Map<EvictionCause, Long> evictions) {

	/**
	 * Creates a snapshot with a complete, immutable evictions map.
	 * @param resumedHandshakes handshakes the server resumed
	 * @param fullHandshakes full handshakes
	 * @param failedHandshakes handshakes that did not complete
	 * @param offersAccepted offered sessions the server resumed
	 * @param offersRejected offered sessions the server declined
	 * @param stored sessions kept by the cache
	 * @param dropped sessions the cache did not keep (unusable on arrival, or no store to
	 * hand them to)
	 * @param storeFailures failed store calls
	 * @param size sessions in the cache now
	 * @param evictions sessions that left the cache, by cause
	 */
	public TlsSessionStats {
		Map<EvictionCause, Long> all = new EnumMap<>(EvictionCause.class);
		for (EvictionCause cause : EvictionCause.values()) {
			all.put(cause, evictions.getOrDefault(cause, 0L));
		}
		evictions = Map.copyOf(all);
	}

	/**
	 * Resumed handshakes as a share of completed ones.
	 * @return the ratio from 0 to 1, or 0 before the first handshake
	 */
	public double reuseRatio() {
		long completed = this.resumedHandshakes + this.fullHandshakes;
		return (completed != 0) ? (double) this.resumedHandshakes / completed : 0;
	}

	/**
	 * Evictions for one cause.
	 * @param cause the cause
	 * @return the count
	 */
	public long evictions(EvictionCause cause) {
		return this.evictions.get(cause);
	}

}
