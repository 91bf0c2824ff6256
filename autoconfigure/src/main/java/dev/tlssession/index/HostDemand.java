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

package dev.tlssession.index;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.tlssession.TlsSessionKey;

/**
 * How many sessions of each upstream are worth keeping: twice the most connections in
 * flight to it lately, at least four, at most the per-host bound. A TLS 1.3 ticket serves
 * one connection, and servers send one or two per connection (BoringSSL, OpenSSL and
 * nginx two), so twice the connections that were open together lets the next burst of
 * that size find a ticket each, while an upstream called one connection at a time keeps
 * four sessions (the tickets of its last two connections, so that one that breaks and
 * takes its own along leaves the one before) instead of the bound.
 * <p>
 * "Lately" is the last {@value #WINDOW_SECONDS} seconds: the most connections seen in
 * flight together is remembered until it has not been reached again for that long, idle
 * periods included, so that the next burst finds the tickets the last one left. An
 * upstream is tracked while it has connections in flight and for that long after; idle
 * ones whose time has passed are swept out whenever the tracked upstreams have doubled
 * since the last sweep, so the memory is bounded by the upstreams called in the last
 * {@value #WINDOW_SECONDS} seconds. Thread-safe, without waiting: each update is one
 * atomic map operation.
 *
 * @since 0.1.0
 */
public final class HostDemand {

	/**
	 * How long the most connections in flight together is remembered without being
	 * reached again.
	 */
	static final long WINDOW_SECONDS = 10;

	private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);

	/**
	 * Sessions kept per upstream whatever the demand: the tickets of the last two
	 * connections.
	 */
	static final int MINIMUM = 4;

	private final int maxPerHost;

	private final ConcurrentHashMap<TlsSessionKey, Demand> demands = new ConcurrentHashMap<>();

	/** The tracked upstreams above which the next opening sweeps out idle ones. */
	private volatile int sweepAbove = 64;

	/**
	 * Creates a tracker.
	 * @param maxPerHost the per-host bound no depth exceeds
	 */
	public HostDemand(int maxPerHost) {
		this.maxPerHost = maxPerHost;
	}

	/**
	 * A connection to an upstream opened.
	 * @param key the upstream
	 * @param now the monotonic time ({@link System#nanoTime()})
	 */
	public void opened(TlsSessionKey key, long now) {
		this.demands.compute(key, (k, demand) -> ((demand != null) ? demand : new Demand()).opened(now));
		if (this.demands.size() > this.sweepAbove) {
			sweep(now);
		}
	}

	/**
	 * A connection to an upstream closed.
	 * @param key the upstream
	 */
	public void closed(TlsSessionKey key) {
		this.demands.computeIfPresent(key, (k, demand) -> demand.closed());
	}

	private void sweep(long now) {
		for (TlsSessionKey key : this.demands.keySet()) {
			this.demands.computeIfPresent(key, (k, demand) -> demand.idleSince(now) ? null : demand);
		}
		this.sweepAbove = Math.max(64, 2 * this.demands.size());
	}

	/**
	 * How many sessions of an upstream to keep now.
	 * @param key the upstream
	 * @param now the monotonic time ({@link System#nanoTime()})
	 * @return from {@value #MINIMUM} (or the per-host bound, if smaller) to the per-host
	 * bound
	 */
	public int depth(TlsSessionKey key, long now) {
		Demand demand = this.demands.get(key);
		int peak = (demand != null) ? demand.peak(now) : 0;
		return (int) Math.min(this.maxPerHost, Math.max(MINIMUM, 2L * peak));
	}

	/**
	 * How many upstreams are tracked now.
	 * @return the count
	 */
	int tracked() {
		return this.demands.size();
	}

	/**
	 * The connections in flight to an upstream now.
	 * @param key the upstream
	 * @return the count
	 */
	public int inFlight(TlsSessionKey key) {
		Demand demand = this.demands.get(key);
		return (demand != null) ? demand.inFlight : 0;
	}

	/**
	 * The demand of one upstream: changed only inside the map's atomic operations, read
	 * without them (a depth one connection late costs nothing).
	 */
	private static final class Demand {

		volatile int inFlight;

		volatile int peak;

		volatile long peakReached;

		Demand opened(long now) {
			int open = this.inFlight + 1;
			this.inFlight = open;
			if (open >= this.peak || now - this.peakReached > WINDOW_NANOS) {
				this.peak = open;
				this.peakReached = now;
			}
			return this;
		}

		Demand closed() {
			this.inFlight = Math.max(0, this.inFlight - 1);
			return this;
		}

		boolean idleSince(long now) {
			return this.inFlight == 0 && now - this.peakReached > WINDOW_NANOS;
		}

		/**
		 * The most connections in flight together within the window, or those in flight
		 * now once it has passed.
		 */
		int peak(long now) {
			return (now - this.peakReached > WINDOW_NANOS) ? this.inFlight : this.peak;
		}

	}

}
