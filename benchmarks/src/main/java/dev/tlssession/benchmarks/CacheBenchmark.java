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

package dev.tlssession.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.tlssession.TlsSessionKey;
import dev.tlssession.index.SessionId;
import dev.tlssession.index.SessionIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Workload 4 (JMH): the starter's session store under two contending threads. One
 * operation is what a connection does to the store: look up the newest session of a
 * random upstream among 10,000 (a TLS 1.3 ticket, which leaves the store when taken) and
 * store a new one for that upstream (the ticket the connection receives), with the total
 * and per-host bounds evicting as they must.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CacheBenchmark {

	static final int HOSTS = 10_000;

	private static final Predicate<Entry> CLAIM = (entry) -> true;

	/**
	 * Sessions in the index.
	 */
	@Param({ "1000", "10000", "100000" })
	public int sessions;

	private SessionIndex<Entry> store;

	private TlsSessionKey[] keys;

	private Entry[][] spare;

	@Setup(Level.Trial)
	public void fill() {
		int perHost = perHost(this.sessions);
		this.store = new SessionIndex<>(this.sessions, perHost, true, (entry, cause) -> {
		});
		this.keys = new TlsSessionKey[HOSTS];
		this.spare = new Entry[HOSTS][];
		SplittableRandom random = new SplittableRandom(42);
		long expires = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
		for (int h = 0; h < HOSTS; h++) {
			this.keys[h] = new TlsSessionKey("host-" + h + ".example", 443);
			this.spare[h] = new Entry[perHost + 2];
			for (int i = 0; i < this.spare[h].length; i++) {
				this.spare[h][i] = new Entry(new TlsSessionKey(this.keys[h].host(), 443), id(random), expires);
			}
		}
		for (int i = 0; i < perHost; i++) {
			for (int h = 0; h < HOSTS && this.store.size() < this.sessions; h++) {
				this.store.put(this.spare[h][i], System.nanoTime());
			}
		}
	}

	static int perHost(int sessions) {
		return Math.max(1, (sessions + HOSTS - 1) / HOSTS);
	}

	private static SessionId id(SplittableRandom random) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return SessionId.of(bytes);
	}

	@Benchmark
	@Threads(2)
	public Object lookupAndStore(Cursor cursor) {
		int h = cursor.random.nextInt(HOSTS);
		long now = System.nanoTime();
		Entry taken = this.store.take(this.keys[h], now, CLAIM);
		Entry fresh = (taken != null) ? taken : this.spare[h][cursor.random.nextInt(this.spare[h].length)];
		this.store.put(fresh, now);
		return fresh;
	}

	/** Per-thread randomness. */
	@State(Scope.Thread)
	public static class Cursor {

		final SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());

	}

	/** A stored session as the index sees it. */
	static final class Entry implements SessionIndex.Entry {

		private final TlsSessionKey key;

		private final SessionId id;

		private final long expiresAt;

		Entry(TlsSessionKey key, SessionId id, long expiresAt) {
			this.key = key;
			this.id = id;
			this.expiresAt = expiresAt;
		}

		@Override
		public TlsSessionKey key() {
			return this.key;
		}

		@Override
		public SessionId id() {
			return this.id;
		}

		@Override
		public boolean expired(long now) {
			return this.expiresAt - now <= 0;
		}

		@Override
		public boolean singleUse() {
			return true;
		}

	}

}
