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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import dev.tlssession.EvictionCause;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.index.SessionIndex.PutResult;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounded session index agrees, after every step of random sequences of put, take,
 * remove, detach, expiry, clear and close-and-replace, with a plain list-based reference
 * model (entries, results and every eviction with its cause), and under concurrent use
 * keeps its bounds, hands no single-use entry out twice and accounts for every entry
 * exactly once.
 * <p>
 * The sequences are seeded: a failure names its seed, the index's bounds and the last
 * steps, and the same seed replays the same sequence.
 */
class SessionIndexModelTests {

	private static final int SEQUENCES = 250;

	private static final int STEPS = 300;

	private static final int CONCURRENT_RUNS = 25;

	private static final int THREADS = 4;

	private static final int STEPS_PER_THREAD = 4000;

	/**
	 * Few upstreams (one host on two ports) and few ids: collisions, replacements and
	 * full hosts happen.
	 */
	private static final List<TlsSessionKey> UPSTREAMS = List.of(new TlsSessionKey("a.test", 443),
			new TlsSessionKey("b.test", 443), new TlsSessionKey("a.test", 8443));

	private static final int IDS = 4;

	static LongStream sequenceSeeds() {
		return LongStream.range(0, SEQUENCES).map((i) -> 0x5E551_0000L + i);
	}

	static LongStream concurrentSeeds() {
		return LongStream.range(0, CONCURRENT_RUNS).map((i) -> 0xC0_0000L + i);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("sequenceSeeds")
	void everyStepOfARandomSequenceAgreesWithTheReferenceModel(long seed) {
		new Sequence(seed).run();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("concurrentSeeds")
	void concurrentOperationsKeepTheBoundsAndAccountForEveryEntryExactlyOnce(long seed) throws Exception {
		new ConcurrentRun(seed).run();
	}

	/**
	 * A test entry: one life, identity equality, a fixed expiry on the fake monotonic
	 * clock.
	 */
	static final class TestEntry implements SessionIndex.Entry {

		final long serial;

		final TlsSessionKey key;

		final int idByte;

		final SessionId id;

		final long expiresAt;

		final boolean singleUse;

		/** Listener calls for this entry (concurrent run). */
		final AtomicInteger reports = new AtomicInteger();

		/** Successful detaches of this entry (concurrent run). */
		final AtomicInteger detaches = new AtomicInteger();

		/** Whether a put kept it (concurrent run). */
		volatile boolean kept;

		TestEntry(long serial, TlsSessionKey key, int idByte, long expiresAt, boolean singleUse) {
			this.serial = serial;
			this.key = key;
			this.idByte = idByte;
			this.id = SessionId.of(new byte[] { (byte) idByte });
			this.expiresAt = expiresAt;
			this.singleUse = singleUse;
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
			return this.singleUse;
		}

		@Override
		public String toString() {
			return "e" + this.serial + "(" + this.key + " id" + this.idByte + " exp" + this.expiresAt
					+ (this.singleUse ? " single-use" : "") + ")";
		}

	}

	/**
	 * An entry leaving the index, as the listener was told or as the model expects.
	 */
	record Eviction(TestEntry entry, @Nullable EvictionCause cause) {

		String causeName() {
			return (this.cause != null) ? this.cause.tag() : "released";
		}

		@Override
		public String toString() {
			return this.entry + ":" + causeName();
		}

	}

	/**
	 * The reference model: a list, oldest first, and the rules of the index spelled out
	 * one by one.
	 */
	static final class Model {

		final int maxSessions;

		final int maxPerHost;

		final boolean singleUseTickets;

		final List<TestEntry> entries = new ArrayList<>();

		boolean closed;

		Model(int maxSessions, int maxPerHost, boolean singleUseTickets) {
			this.maxSessions = maxSessions;
			this.maxPerHost = maxPerHost;
			this.singleUseTickets = singleUseTickets;
		}

		PutResult put(TestEntry entry, long now, List<Eviction> out) {
			if (this.closed) {
				return PutResult.CLOSED;
			}
			if (entry.expired(now)) {
				return PutResult.EXPIRED;
			}
			TestEntry existing = null;
			for (TestEntry candidate : this.entries) {
				if (candidate.key.equals(entry.key) && candidate.id.equals(entry.id)) {
					existing = candidate;
				}
			}
			if (existing == entry) {
				return PutResult.IDENTICAL;
			}
			PutResult result = PutResult.ADDED;
			if (existing != null) {
				leave(existing, null, out);
				result = PutResult.REPLACED;
			}
			this.entries.add(entry);
			List<TestEntry> host = of(entry.key);
			if (host.size() > this.maxPerHost) {
				leave(host.get(0), EvictionCause.CAPACITY, out);
			}
			while (!this.entries.isEmpty() && this.entries.get(0).expired(now)) {
				leave(this.entries.get(0), EvictionCause.EXPIRED, out);
			}
			while (this.entries.size() > this.maxSessions) {
				leave(this.entries.get(0), EvictionCause.CAPACITY, out);
			}
			return result;
		}

		@Nullable TestEntry take(TlsSessionKey key, long now, Predicate<TestEntry> claim, List<Eviction> out) {
			while (true) {
				List<TestEntry> host = of(key);
				if (host.isEmpty()) {
					return null;
				}
				TestEntry newest = host.get(host.size() - 1);
				if (newest.expired(now)) {
					leave(newest, EvictionCause.EXPIRED, out);
				}
				else if (!claim.test(newest)) {
					leave(newest, EvictionCause.INVALIDATED, out);
				}
				else {
					if (this.singleUseTickets && newest.singleUse) {
						leave(newest, EvictionCause.SINGLE_USE, out);
					}
					return newest;
				}
			}
		}

		boolean remove(TestEntry entry, EvictionCause cause, List<Eviction> out) {
			if (!contains(entry)) {
				return false;
			}
			leave(entry, cause, out);
			return true;
		}

		boolean detach(TestEntry entry) {
			return this.entries.remove(entry);
		}

		int remove(TlsSessionKey key, EvictionCause cause, List<Eviction> out) {
			List<TestEntry> host = of(key);
			host.forEach((entry) -> leave(entry, cause, out));
			return host.size();
		}

		int clear(@Nullable EvictionCause cause, List<Eviction> out) {
			List<TestEntry> all = List.copyOf(this.entries);
			all.forEach((entry) -> leave(entry, cause, out));
			return all.size();
		}

		boolean contains(TestEntry entry) {
			return this.entries.contains(entry);
		}

		List<TestEntry> of(TlsSessionKey key) {
			return this.entries.stream().filter((entry) -> entry.key.equals(key)).collect(Collectors.toList());
		}

		private void leave(TestEntry entry, @Nullable EvictionCause cause, List<Eviction> out) {
			this.entries.remove(entry);
			out.add(new Eviction(entry, cause));
		}

	}

	/**
	 * One seeded sequence against the model, checking every invariant after every step.
	 */
	static final class Sequence {

		private final long seed;

		private final SplittableRandom random;

		private final int maxSessions;

		private final int maxPerHost;

		private final boolean singleUseTickets;

		/**
		 * Every index of the sequence, the closed ones included: the listener must hold
		 * none of their locks.
		 */
		private final List<SessionIndex<TestEntry>> indexes = new ArrayList<>();

		private final List<Eviction> reported = new ArrayList<>();

		private final Map<String, Long> reportedByCause = new HashMap<>();

		private final Map<String, Long> expectedByCause = new HashMap<>();

		private final Map<TestEntry, Integer> reports = new IdentityHashMap<>();

		private final Set<TestEntry> detached = Collections.newSetFromMap(new IdentityHashMap<>());

		private final Set<TestEntry> added = Collections.newSetFromMap(new IdentityHashMap<>());

		private final Set<TestEntry> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());

		/**
		 * Every entry made so far, to pick from for remove and detach (present or not).
		 */
		private final List<TestEntry> made = new ArrayList<>();

		private final Deque<String> history = new ArrayDeque<>();

		private SessionIndex<TestEntry> index;

		private Model model;

		private long now;

		private long serial;

		Sequence(long seed) {
			this.seed = seed;
			this.random = new SplittableRandom(seed);
			this.maxSessions = 1 + this.random.nextInt(8);
			this.maxPerHost = 1 + this.random.nextInt(4);
			this.singleUseTickets = this.random.nextBoolean();
			// anywhere on the clock, wrap-around included: entries compare times only by
			// difference
			this.now = this.random.nextLong();
			this.index = newIndex();
			this.model = new Model(this.maxSessions, this.maxPerHost, this.singleUseTickets);
		}

		private SessionIndex<TestEntry> newIndex() {
			SessionIndex<TestEntry> created = new SessionIndex<>(this.maxSessions, this.maxPerHost,
					this.singleUseTickets, this::evicted);
			this.indexes.add(created);
			return created;
		}

		private void evicted(TestEntry entry, @Nullable EvictionCause cause) {
			for (SessionIndex<TestEntry> each : this.indexes) {
				assertThat(Thread.holdsLock(each)).as("the listener runs outside the index's lock").isFalse();
			}
			Eviction eviction = new Eviction(entry, cause);
			this.reported.add(eviction);
			this.reportedByCause.merge(eviction.causeName(), 1L, Long::sum);
			this.reports.merge(entry, 1, Integer::sum);
		}

		void run() {
			int step = 0;
			try {
				for (step = 0; step < STEPS; step++) {
					step();
				}
				checkConservation();
			}
			catch (AssertionError ex) {
				throw new AssertionError("seed " + this.seed + " (maxSessions " + this.maxSessions + ", maxPerHost "
						+ this.maxPerHost + ", singleUseTickets " + this.singleUseTickets + ") failed at step " + step
						+ "; last steps, oldest first:\n  " + String.join("\n  ", this.history) + "\n"
						+ ex.getMessage(), ex);
			}
		}

		private void step() {
			List<Eviction> expected = new ArrayList<>();
			int reportedBefore = this.reported.size();
			int choice = this.random.nextInt(100);
			if (choice < 35) {
				put(freshEntry(), expected);
			}
			else if (choice < 40) {
				// the very entry again: identical while it is in the index
				if (!this.model.entries.isEmpty()) {
					put(pick(this.model.entries), expected);
				}
			}
			else if (choice < 60) {
				take(expected);
			}
			else if (choice < 68) {
				removeEntry(expected);
			}
			else if (choice < 72) {
				removeUpstream(expected);
			}
			else if (choice < 79) {
				detach();
			}
			else if (choice < 92) {
				long advance = 1 + this.random.nextInt(40);
				this.now += advance;
				record("advance the clock by " + advance + " to " + this.now);
			}
			else if (choice < 96) {
				EvictionCause cause = this.random.nextBoolean() ? EvictionCause.FLUSHED : null;
				int cleared = this.index.clear(cause);
				int modelCleared = this.model.clear(cause, expected);
				record("clear(" + cause + ") -> " + cleared);
				assertThat(cleared).as("clear count").isEqualTo(modelCleared);
			}
			else {
				rebuild(expected);
			}
			List<Eviction> reportedNow = this.reported.subList(reportedBefore, this.reported.size());
			assertThat(reportedNow).as("evictions reported by this step").containsExactlyInAnyOrderElementsOf(expected);
			expected.forEach((eviction) -> this.expectedByCause.merge(eviction.causeName(), 1L, Long::sum));
			checkInvariants();
		}

		private TestEntry freshEntry() {
			TlsSessionKey key = pick(UPSTREAMS);
			int id = this.random.nextInt(IDS);
			// mostly alive for a while, sometimes already expired on arrival
			long lifetime = (this.random.nextInt(20) == 0) ? -this.random.nextInt(3) : 1 + this.random.nextInt(100);
			TestEntry entry = new TestEntry(++this.serial, key, id, this.now + lifetime, this.random.nextBoolean());
			this.made.add(entry);
			return entry;
		}

		private void put(TestEntry entry, List<Eviction> expected) {
			PutResult result = this.index.put(entry, this.now);
			PutResult modelResult = this.model.put(entry, this.now, expected);
			record("put " + entry + " at " + this.now + " -> " + result);
			assertThat(result).as("put result").isEqualTo(modelResult);
			if (result.kept()) {
				assertThat(this.added.add(entry)).as("an entry is kept once in its life").isTrue();
			}
		}

		private void take(List<Eviction> expected) {
			TlsSessionKey key = pick(UPSTREAMS);
			// a claim that sometimes refuses, the same way for the index and the model
			long claimSeed = this.random.nextLong();
			double refusals = (this.random.nextInt(3) == 0) ? 0.5 : 0;
			Predicate<TestEntry> claim = (
					entry) -> new SplittableRandom(claimSeed ^ entry.serial).nextDouble() >= refusals;
			SessionIndex<TestEntry> current = this.index;
			List<TestEntry> claimed = new ArrayList<>();
			TestEntry taken = current.take(key, this.now, (entry) -> {
				assertThat(Thread.holdsLock(current)).as("the claim runs under the index's lock").isTrue();
				claimed.add(entry);
				return claim.test(entry);
			});
			TestEntry modelTaken = this.model.take(key, this.now, claim, expected);
			record("take " + key + " at " + this.now + " (refusing " + refusals + ") -> " + taken);
			assertThat(taken).as("entry handed out").isSameAs(modelTaken);
			if (taken != null) {
				assertThat(taken.expired(this.now)).as("an expired entry is never handed out").isFalse();
				assertThat(claimed).as("the entry handed out was claimed").last().isSameAs(taken);
				if (this.singleUseTickets && taken.singleUse) {
					assertThat(this.handedOut.add(taken)).as("a single-use entry is handed out once").isTrue();
					assertThat(current.contains(taken)).as("a single-use entry leaves when handed out").isFalse();
				}
			}
		}

		private void removeEntry(List<Eviction> expected) {
			if (this.made.isEmpty()) {
				return;
			}
			// present or long gone: remove must tell them apart
			TestEntry entry = pick(this.made);
			EvictionCause cause = pick(
					List.of(EvictionCause.REMOVED, EvictionCause.INVALIDATED, EvictionCause.REJECTED));
			boolean removed = this.index.remove(entry, cause);
			boolean modelRemoved = this.model.remove(entry, cause, expected);
			record("remove " + entry + " as " + cause.tag() + " -> " + removed);
			assertThat(removed).as("remove(entry) result").isEqualTo(modelRemoved);
		}

		private void removeUpstream(List<Eviction> expected) {
			TlsSessionKey key = pick(UPSTREAMS);
			EvictionCause cause = this.random.nextBoolean() ? EvictionCause.REMOVED : EvictionCause.INVALIDATED;
			int removed = this.index.remove(key, cause);
			int modelRemoved = this.model.remove(key, cause, expected);
			record("remove " + key + " as " + cause.tag() + " -> " + removed);
			assertThat(removed).as("remove(upstream) count").isEqualTo(modelRemoved);
		}

		private void detach() {
			if (this.made.isEmpty()) {
				return;
			}
			TestEntry entry = pick(this.made);
			boolean detachedNow = this.index.detach(entry);
			boolean modelDetached = this.model.detach(entry);
			record("detach " + entry + " -> " + detachedNow);
			assertThat(detachedNow).as("detach result").isEqualTo(modelDetached);
			if (detachedNow) {
				assertThat(this.detached.add(entry)).as("an entry is detached once").isTrue();
			}
		}

		private void rebuild(List<Eviction> expected) {
			EvictionCause cause = this.random.nextBoolean() ? EvictionCause.FLUSHED : null;
			SessionIndex<TestEntry> old = this.index;
			int closed = old.close(cause);
			int modelClosed = this.model.clear(cause, expected);
			record("close(" + cause + ") -> " + closed + ", continue on a new index");
			assertThat(closed).as("close count").isEqualTo(modelClosed);
			// the closed index refuses a late put, stays empty and hands nothing out
			TestEntry late = freshEntry();
			int reportedBefore = this.reported.size();
			assertThat(old.put(late, this.now)).as("put on a closed index").isEqualTo(PutResult.CLOSED);
			assertThat(old.take(late.key, this.now, (entry) -> true)).as("take on a closed index").isNull();
			assertThat(old.size()).as("a closed index's size").isZero();
			assertThat(this.reported).as("a refused put is not reported").hasSize(reportedBefore);
			this.index = newIndex();
			this.model = new Model(this.maxSessions, this.maxPerHost, this.singleUseTickets);
		}

		private void checkInvariants() {
			List<TestEntry> entries = this.index.entries();
			assertThat(entries).as("entries, oldest first").containsExactlyElementsOf(this.model.entries);
			assertThat(this.index.size()).as("size").isEqualTo(entries.size()).isLessThanOrEqualTo(this.maxSessions);
			for (TlsSessionKey key : UPSTREAMS) {
				assertThat(entries.stream().filter((entry) -> entry.key.equals(key)).count()).as("entries of %s", key)
					.isLessThanOrEqualTo(this.maxPerHost);
			}
			int limit = this.random.nextInt(this.maxSessions + 2);
			assertThat(this.index.entries(limit)).as("the oldest %d entries", limit)
				.containsExactlyElementsOf(this.model.entries.subList(0, Math.min(limit, this.model.entries.size())));
			List<String> wrong = new ArrayList<>();
			for (TestEntry entry : this.made) {
				if (this.index.contains(entry) != this.model.contains(entry)) {
					wrong.add("contains(" + entry + ") is " + this.index.contains(entry));
				}
				if (this.reports.getOrDefault(entry, 0) > 1) {
					wrong.add(entry + " reported " + this.reports.get(entry) + " times");
				}
			}
			assertThat(wrong).as("membership and single reports").isEmpty();
			assertThat(this.reportedByCause).as("evictions by cause").isEqualTo(this.expectedByCause);
		}

		/**
		 * Every entry that was kept is now in the index, or was reported exactly once, or
		 * was detached exactly once; and detached entries were never reported.
		 */
		private void checkConservation() {
			for (TestEntry entry : this.made) {
				int inIndex = this.index.contains(entry) ? 1 : 0;
				int reportedTimes = this.reports.getOrDefault(entry, 0);
				int detachedTimes = this.detached.contains(entry) ? 1 : 0;
				assertThat(inIndex + reportedTimes + detachedTimes).as("whereabouts of %s", entry)
					.isEqualTo(this.added.contains(entry) ? 1 : 0);
			}
		}

		private <T> T pick(List<T> list) {
			return list.get(this.random.nextInt(list.size()));
		}

		private void record(String step) {
			this.history.addLast(step);
			if (this.history.size() > 25) {
				this.history.removeFirst();
			}
		}

	}

	/**
	 * Several threads on one index (replaced now and then, as a rebuild does) for a
	 * bounded number of steps.
	 */
	static final class ConcurrentRun {

		private final long seed;

		private final int maxSessions;

		private final int maxPerHost;

		private final boolean singleUseTickets;

		private final AtomicLong clock;

		private final AtomicLong serial = new AtomicLong();

		private final AtomicReference<SessionIndex<TestEntry>> current = new AtomicReference<>();

		private final List<SessionIndex<TestEntry>> indexes = new CopyOnWriteArrayList<>();

		private final ConcurrentLinkedQueue<TestEntry> made = new ConcurrentLinkedQueue<>();

		/** Recently made entries, for remove and detach to aim at. */
		private final AtomicReferenceArray<TestEntry> recent = new AtomicReferenceArray<>(32);

		private final Set<TestEntry> handedOut = ConcurrentHashMap.newKeySet();

		private final Map<EvictionCause, AtomicLong> byCause = new EnumMap<>(EvictionCause.class);

		private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

		ConcurrentRun(long seed) {
			this.seed = seed;
			SplittableRandom random = new SplittableRandom(seed);
			this.maxSessions = 1 + random.nextInt(8);
			this.maxPerHost = 1 + random.nextInt(4);
			this.singleUseTickets = random.nextBoolean();
			this.clock = new AtomicLong(random.nextLong());
			for (EvictionCause cause : EvictionCause.values()) {
				this.byCause.put(cause, new AtomicLong());
			}
			this.current.set(newIndex());
		}

		private SessionIndex<TestEntry> newIndex() {
			SessionIndex<TestEntry> created = new SessionIndex<>(this.maxSessions, this.maxPerHost,
					this.singleUseTickets, this::evicted);
			this.indexes.add(created);
			return created;
		}

		private void evicted(TestEntry entry, @Nullable EvictionCause cause) {
			entry.reports.incrementAndGet();
			if (cause != null) {
				this.byCause.get(cause).incrementAndGet();
			}
			for (SessionIndex<TestEntry> index : this.indexes) {
				if (Thread.holdsLock(index)) {
					this.violations.add("listener called under the index's lock for " + entry);
				}
			}
			if (cause == EvictionCause.EXPIRED && !entry.expired(this.clock.get())) {
				this.violations.add(entry + " reported expired before its time " + this.clock.get());
			}
			if (cause == EvictionCause.SINGLE_USE && !(this.singleUseTickets && entry.singleUse)) {
				this.violations.add(entry + " reported single-use");
			}
		}

		void run() throws Exception {
			ExecutorService threads = Executors.newFixedThreadPool(THREADS);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<?>> workers = new ArrayList<>();
				SplittableRandom seeds = new SplittableRandom(this.seed);
				for (int t = 0; t < THREADS; t++) {
					SplittableRandom random = seeds.split();
					workers.add(threads.submit(() -> {
						start.await();
						for (int i = 0; i < STEPS_PER_THREAD; i++) {
							step(random);
						}
						return null;
					}));
				}
				start.countDown();
				for (Future<?> worker : workers) {
					worker.get(30, TimeUnit.SECONDS);
				}
			}
			finally {
				threads.shutdownNow();
				assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			}
			String context = "seed " + this.seed + " (maxSessions " + this.maxSessions + ", maxPerHost "
					+ this.maxPerHost + ", singleUseTickets " + this.singleUseTickets + ")";
			assertThat(this.violations).as(context).isEmpty();
			SessionIndex<TestEntry> last = this.current.get();
			checkBounds(last.entries(), context);
			for (SessionIndex<TestEntry> index : this.indexes) {
				if (index != last) {
					assertThat(index.size()).as(context + ": a replaced index is empty").isZero();
				}
			}
			long kept = 0;
			for (TestEntry entry : this.made) {
				int inIndex = last.contains(entry) ? 1 : 0;
				assertThat(inIndex + entry.reports.get() + entry.detaches.get())
					.as(context + ": whereabouts of %s (in index %d, reported %d, detached %d)", entry, inIndex,
							entry.reports.get(), entry.detaches.get())
					.isEqualTo(entry.kept ? 1 : 0);
				kept += entry.kept ? 1 : 0;
			}
			assertThat(kept).as(context + ": entries kept (the run exercised the index)").isPositive();
			assertThat(this.byCause.get(EvictionCause.CAPACITY).get()).as(context + ": capacity evictions")
				.isPositive();
		}

		private void step(SplittableRandom random) {
			SessionIndex<TestEntry> index = this.current.get();
			TlsSessionKey key = UPSTREAMS.get(random.nextInt(UPSTREAMS.size()));
			int choice = random.nextInt(100);
			if (choice < 40) {
				long now = this.clock.get();
				long lifetime = (random.nextInt(20) == 0) ? 0 : 1 + random.nextInt(200);
				TestEntry entry = new TestEntry(this.serial.incrementAndGet(), key, random.nextInt(IDS), now + lifetime,
						random.nextBoolean());
				this.made.add(entry);
				this.recent.set((int) (entry.serial % this.recent.length()), entry);
				entry.kept = index.put(entry, now).kept();
			}
			else if (choice < 65) {
				long now = this.clock.get();
				boolean refuse = random.nextInt(4) == 0;
				TestEntry taken = index.take(key, now, (entry) -> {
					if (!Thread.holdsLock(index)) {
						this.violations.add("claim called without the index's lock");
					}
					return !refuse || (entry.serial & 1) == 0;
				});
				if (taken != null) {
					if (taken.expired(now)) {
						this.violations.add("expired " + taken + " handed out at " + now);
					}
					if (this.singleUseTickets && taken.singleUse && !this.handedOut.add(taken)) {
						this.violations.add("single-use " + taken + " handed out twice");
					}
				}
			}
			else if (choice < 73) {
				TestEntry entry = this.recent.get(random.nextInt(this.recent.length()));
				if (entry != null) {
					index.remove(entry, EvictionCause.REMOVED);
				}
			}
			else if (choice < 77) {
				index.remove(key, EvictionCause.INVALIDATED);
			}
			else if (choice < 85) {
				TestEntry entry = this.recent.get(random.nextInt(this.recent.length()));
				if (entry != null && index.detach(entry)) {
					entry.detaches.incrementAndGet();
				}
			}
			else if (choice < 93) {
				this.clock.addAndGet(1 + random.nextInt(20));
			}
			else if (choice < 97) {
				checkBounds(index.entries(), "seed " + this.seed);
			}
			else if (choice < 99) {
				index.clear(EvictionCause.FLUSHED);
			}
			else {
				// a rebuild: new index first, then the old one is closed; late puts on it
				// are refused
				SessionIndex<TestEntry> replacement = newIndex();
				SessionIndex<TestEntry> old = this.current.getAndSet(replacement);
				old.close(random.nextBoolean() ? EvictionCause.FLUSHED : null);
			}
		}

		private void checkBounds(List<TestEntry> entries, String context) {
			if (entries.size() > this.maxSessions) {
				this.violations.add(context + ": " + entries.size() + " entries");
			}
			Map<TlsSessionKey, Long> perHost = entries.stream()
				.collect(Collectors.groupingBy((entry) -> entry.key, Collectors.counting()));
			perHost.forEach((key, count) -> {
				if (count > this.maxPerHost) {
					this.violations.add(context + ": " + count + " entries for " + key);
				}
			});
		}

	}

}
