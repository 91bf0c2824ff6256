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

import java.util.ArrayList;
import java.util.List;

import dev.tlssession.EvictionCause;
import dev.tlssession.TlsSessionKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounded session index on its own, with entries that need no TLS stack: bounds,
 * order, expiry and replacement.
 */
class SessionIndexTests {

	private static final long HOUR = 3_600_000_000_000L;

	private final List<String> evictions = new ArrayList<>();

	@Test
	void aDifferentEntryWithTheSameIdReplacesTheOldOne() {
		SessionIndex<Entry> store = store(10, 4, true);
		Entry first = new Entry("api.test", new byte[] { 1 }, HOUR, false);
		Entry second = new Entry("api.test", new byte[] { 1 }, HOUR, false);
		assertThat(store.put(first, 0)).isEqualTo(SessionIndex.PutResult.ADDED);
		assertThat(store.put(second, 0)).isEqualTo(SessionIndex.PutResult.REPLACED);
		assertThat(store.put(second, 0)).isEqualTo(SessionIndex.PutResult.IDENTICAL);
		assertThat(store.entries()).containsExactly(second);
		assertThat(this.evictions).containsExactly("replaced:1");
	}

	@Test
	void theTotalBoundEvictsTheOldestEntry() {
		SessionIndex<Entry> store = store(3, 4, true);
		for (int i = 0; i < 5; i++) {
			store.put(new Entry("host" + i + ".test", new byte[] { (byte) i }, HOUR, false), 0);
		}
		assertThat(store.size()).isEqualTo(3);
		assertThat(this.evictions).containsExactly("capacity:0", "capacity:1");
	}

	@Test
	void aHundredThousandHostsKeepTheTotalBound() {
		SessionIndex<Entry> store = new SessionIndex<>(1000, 4, true, (entry, cause) -> {
		});
		for (int i = 0; i < 100_000; i++) {
			store.put(new Entry("host" + i + ".test", new byte[] { (byte) i, (byte) (i >> 8), (byte) (i >> 16) }, HOUR,
					true), 0);
			assertThat(store.size()).isLessThanOrEqualTo(1000);
		}
		assertThat(store.entries()).extracting((entry) -> entry.key.host()).endsWith("host99999.test");
	}

	@Test
	void thePerHostBoundEvictsTheHostsOldestEntry() {
		SessionIndex<Entry> store = store(100, 2, true);
		for (int i = 0; i < 4; i++) {
			store.put(new Entry("api.test", new byte[] { (byte) i }, HOUR, true), 0);
		}
		store.put(new Entry("other.test", new byte[] { 9 }, HOUR, true), 0);
		assertThat(store.size()).isEqualTo(3);
		assertThat(this.evictions).containsExactly("capacity:0", "capacity:1");
	}

	@Test
	void aHostLimitBelowThePerHostBoundKeepsTheHostsNewestEntries() {
		SessionIndex<Entry> store = store(100, 8, true);
		for (int i = 0; i < 6; i++) {
			store.put(new Entry("api.test", new byte[] { (byte) i }, HOUR, true), 0, 8);
		}
		store.put(new Entry("api.test", new byte[] { 6 }, HOUR, true), 0, 3);
		assertThat(store.entries()).extracting((entry) -> entry.id).containsExactly((byte) 4, (byte) 5, (byte) 6);
		assertThat(this.evictions).containsExactly("capacity:0", "capacity:1", "capacity:2", "capacity:3");
		store.put(new Entry("api.test", new byte[] { 7 }, HOUR, true), 0, 100);
		store.put(new Entry("other.test", new byte[] { 9 }, HOUR, true), 0, 0);
		assertThat(store.size()).as("never above the per-host bound, never below one").isEqualTo(5);
	}

	@Test
	void takeHandsOutTheNewestAndRemovesSingleUseEntries() {
		SessionIndex<Entry> store = store(100, 4, true);
		store.put(new Entry("api.test", new byte[] { 1 }, HOUR, true), 0);
		store.put(new Entry("api.test", new byte[] { 2 }, HOUR, true), 0);
		assertThat(store.take(key("api.test"), 0, (entry) -> true).id).isEqualTo((byte) 2);
		assertThat(store.take(key("api.test"), 0, (entry) -> true).id).isEqualTo((byte) 1);
		assertThat(store.take(key("api.test"), 0, (entry) -> true)).isNull();
		assertThat(this.evictions).containsExactly("single-use:2", "single-use:1");
	}

	@Test
	void multiUseEntriesStayAfterTake() {
		SessionIndex<Entry> store = store(100, 4, true);
		store.put(new Entry("api.test", new byte[] { 1 }, HOUR, false), 0);
		store.take(key("api.test"), 0, (entry) -> true);
		assertThat(store.take(key("api.test"), 0, (entry) -> true)).isNotNull();
		assertThat(this.evictions).isEmpty();
	}

	@Test
	void expiredEntriesAreNeverHandedOut() {
		SessionIndex<Entry> store = store(100, 4, true);
		store.put(new Entry("api.test", new byte[] { 1 }, 1000, false), 0);
		assertThat(store.take(key("api.test"), 1000, (entry) -> true)).isNull();
		assertThat(this.evictions).containsExactly("expired:1");
	}

	@Test
	void expiredEntriesLeaveWhenNewOnesArrive() {
		SessionIndex<Entry> store = store(100, 4, true);
		store.put(new Entry("a.test", new byte[] { 1 }, 1000, false), 0);
		store.put(new Entry("b.test", new byte[] { 2 }, HOUR, false), 2000);
		assertThat(store.size()).isEqualTo(1);
		assertThat(this.evictions).containsExactly("expired:1");
	}

	@Test
	void anEntryTheClaimRefusesIsDroppedAndTheNextIsTried() {
		SessionIndex<Entry> store = store(100, 4, true);
		store.put(new Entry("api.test", new byte[] { 1 }, HOUR, false), 0);
		store.put(new Entry("api.test", new byte[] { 2 }, HOUR, false), 0);
		assertThat(store.take(key("api.test"), 0, (entry) -> entry.id != 2).id).isEqualTo((byte) 1);
		assertThat(this.evictions).containsExactly("invalidated:2");
	}

	@Test
	void removeAndClear() {
		SessionIndex<Entry> store = store(100, 4, true);
		Entry entry = new Entry("api.test", new byte[] { 1 }, HOUR, false);
		store.put(entry, 0);
		store.put(new Entry("api.test", new byte[] { 2 }, HOUR, false), 0);
		store.put(new Entry("other.test", new byte[] { 3 }, HOUR, false), 0);
		assertThat(store.remove(entry, EvictionCause.REMOVED)).isTrue();
		assertThat(store.remove(entry, EvictionCause.REMOVED)).isFalse();
		assertThat(store.remove(key("api.test"), EvictionCause.REMOVED)).isEqualTo(1);
		assertThat(store.clear(EvictionCause.FLUSHED)).isEqualTo(1);
		assertThat(this.evictions).containsExactly("removed:1", "removed:2", "flushed:3");
	}

	@Test
	void anotherUpstreamCannotDisplaceASessionByChoosingItsId() {
		SessionIndex<Entry> store = store(100, 4, true);
		Entry a = new Entry("a.test", new byte[] { 7 }, HOUR, false);
		Entry b = new Entry("b.test", new byte[] { 7 }, HOUR, false);
		assertThat(store.put(a, 0)).isEqualTo(SessionIndex.PutResult.ADDED);
		assertThat(store.put(b, 0)).isEqualTo(SessionIndex.PutResult.ADDED);
		assertThat(store.entries()).containsExactly(a, b);
		assertThat(this.evictions).isEmpty();
	}

	@Test
	void aClosedIndexIsEmptyAndRefusesLatePuts() {
		SessionIndex<Entry> store = store(100, 4, true);
		store.put(new Entry("api.test", new byte[] { 1 }, HOUR, false), 0);
		assertThat(store.close(EvictionCause.FLUSHED)).isEqualTo(1);
		assertThat(store.put(new Entry("api.test", new byte[] { 2 }, HOUR, false), 0))
			.isEqualTo(SessionIndex.PutResult.CLOSED);
		assertThat(store.size()).isZero();
		assertThat(this.evictions).containsExactly("flushed:1");
	}

	@Test
	void detachTakesAnEntryOutWithoutTellingTheListener() {
		SessionIndex<Entry> store = store(100, 4, true);
		Entry entry = new Entry("api.test", new byte[] { 1 }, HOUR, false);
		store.put(entry, 0);
		assertThat(store.detach(entry)).isTrue();
		assertThat(store.detach(entry)).isFalse();
		assertThat(store.size()).isZero();
		assertThat(this.evictions).isEmpty();
	}

	private SessionIndex<Entry> store(int max, int perHost, boolean singleUse) {
		return new SessionIndex<>(max, perHost, singleUse,
				(entry, cause) -> this.evictions.add(((cause != null) ? cause.tag() : "replaced") + ":" + entry.id));
	}

	private static TlsSessionKey key(String host) {
		return new TlsSessionKey(host, 443);
	}

	static final class Entry implements SessionIndex.Entry {

		final TlsSessionKey key;

		final byte id;

		final SessionId sessionId;

		final long expiresAt;

		final boolean singleUse;

		Entry(String host, byte[] id, long expiresAt, boolean singleUse) {
			this.key = SessionIndexTests.key(host);
			this.id = id[0];
			this.sessionId = SessionId.of(id);
			this.expiresAt = expiresAt;
			this.singleUse = singleUse;
		}

		@Override
		public TlsSessionKey key() {
			return this.key;
		}

		@Override
		public SessionId id() {
			return this.sessionId;
		}

		@Override
		public boolean expired(long now) {
			return this.expiresAt - now <= 0;
		}

		@Override
		public boolean singleUse() {
			return this.singleUse;
		}

	}

}
