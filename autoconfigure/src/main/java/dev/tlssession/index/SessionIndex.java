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
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.tlssession.EvictionCause;
import dev.tlssession.TlsSessionKey;
import org.jspecify.annotations.Nullable;

/**
 * The sessions of one cache, bounded: at most {@code maxSessions} in total and
 * {@code maxPerHost} per upstream, oldest out first, expired sessions never handed out.
 * Entries are identified by upstream and session id together, so a server cannot displace
 * another upstream's session by choosing its id. Every operation is O(1) apart from the
 * per-host scan, bounded by {@code maxPerHost}.
 * <p>
 * Thread-safe. The lock guards only the two maps: it is never held while the listener
 * runs, so the listener may free native memory or queue notifications. A closed index
 * stays empty: a late {@link #put} is refused, which is what keeps a rebuilt cache from
 * ever holding a session of its old TLS material.
 *
 * @param <S> the entry type
 * @since 0.1.0
 */
public final class SessionIndex<S extends SessionIndex.Entry> {

	private final int maxSessions;

	private final int maxPerHost;

	private final boolean singleUseTickets;

	private final EvictionListener<? super S> listener;

	/** Every entry, oldest first. */
	private final LinkedHashMap<Slot, S> bySlot = new LinkedHashMap<>();

	/** Entries per upstream, oldest first. */
	private final Map<TlsSessionKey, ArrayDeque<S>> byHost = new HashMap<>();

	private boolean closed;

	/**
	 * Creates an index.
	 * @param maxSessions the total bound
	 * @param maxPerHost the bound per upstream
	 * @param singleUseTickets whether single-use entries leave the index when handed out
	 * @param listener told about every entry that leaves the index; it must not throw
	 */
	public SessionIndex(int maxSessions, int maxPerHost, boolean singleUseTickets,
			EvictionListener<? super S> listener) {
		this.maxSessions = maxSessions;
		this.maxPerHost = maxPerHost;
		this.singleUseTickets = singleUseTickets;
		this.listener = listener;
	}

	/**
	 * Adds an entry. A different entry with the same upstream and id is replaced; the
	 * same entry again changes nothing.
	 * @param entry the entry
	 * @param now the monotonic time in nanoseconds
	 * @return what happened; the index keeps the entry only for {@code ADDED} and
	 * {@code REPLACED}
	 */
	public PutResult put(S entry, long now) {
		return put(entry, now, this.maxPerHost);
	}

	/**
	 * Adds an entry, keeping at most {@code hostLimit} entries of its upstream (never
	 * more than the per-host bound): the oldest go first.
	 * @param entry the entry
	 * @param now the monotonic time in nanoseconds
	 * @param hostLimit how many entries of the upstream to keep at most, at least 1
	 * @return what happened; the index keeps the entry only for {@code ADDED} and
	 * {@code REPLACED}
	 */
	public PutResult put(S entry, long now, int hostLimit) {
		Evictions<S> evictions = new Evictions<>();
		PutResult result;
		synchronized (this) {
			result = putLocked(entry, now, Math.max(1, Math.min(this.maxPerHost, hostLimit)), evictions);
		}
		evictions.notify(this.listener);
		return result;
	}

	private PutResult putLocked(S entry, long now, int hostLimit, Evictions<S> evictions) {
		if (this.closed) {
			return PutResult.CLOSED;
		}
		if (entry.expired(now)) {
			return PutResult.EXPIRED;
		}
		// one lookup in the common case; the rare replacement goes to the young end like
		// any new entry
		Slot slot = new Slot(entry.key(), entry.id());
		S existing = this.bySlot.put(slot, entry);
		if (existing == entry) {
			return PutResult.IDENTICAL;
		}
		PutResult result = PutResult.ADDED;
		if (existing != null) {
			this.bySlot.remove(slot);
			this.bySlot.put(slot, entry);
			unlinkFromHost(existing);
			evictions.add(existing, null);
			result = PutResult.REPLACED;
		}
		ArrayDeque<S> host = this.byHost.computeIfAbsent(entry.key(), (key) -> new ArrayDeque<>(2));
		host.addLast(entry);
		while (host.size() > hostLimit) {
			S oldest = host.peekFirst();
			unlink(oldest);
			evictions.add(oldest, EvictionCause.CAPACITY);
		}
		expireOldest(now, evictions);
		while (this.bySlot.size() > this.maxSessions) {
			S oldest = this.bySlot.values().iterator().next();
			unlink(oldest);
			evictions.add(oldest, EvictionCause.CAPACITY);
		}
		return result;
	}

	/**
	 * Removes expired entries from the old end; entries are nearly in expiry order, and
	 * the few that are not are dropped by {@link #take} or by the bounds.
	 */
	private void expireOldest(long now, Evictions<S> evictions) {
		Iterator<S> oldestFirst = this.bySlot.values().iterator();
		while (oldestFirst.hasNext()) {
			S oldest = oldestFirst.next();
			if (!oldest.expired(now)) {
				return;
			}
			oldestFirst.remove();
			unlinkFromHost(oldest);
			evictions.add(oldest, EvictionCause.EXPIRED);
		}
	}

	/**
	 * Hands out the newest usable entry for an upstream. A single-use entry leaves the
	 * index; others stay.
	 * @param key the upstream
	 * @param now the monotonic time in nanoseconds
	 * @param claim called under the index's lock on the chosen entry, before any
	 * concurrent eviction can release it (for example to take a reference for the
	 * connection); an entry it refuses is dropped as invalidated
	 * @return the entry, or {@code null} if there is none
	 */
	public @Nullable S take(TlsSessionKey key, long now, Predicate<? super S> claim) {
		Evictions<S> evictions = new Evictions<>();
		S taken = null;
		synchronized (this) {
			ArrayDeque<S> host = this.byHost.get(key);
			while (host != null && taken == null && !host.isEmpty()) {
				S newest = host.peekLast();
				if (newest.expired(now)) {
					unlinkNewest(host, newest);
					evictions.add(newest, EvictionCause.EXPIRED);
				}
				else if (!claim.test(newest)) {
					unlinkNewest(host, newest);
					evictions.add(newest, EvictionCause.INVALIDATED);
				}
				else {
					taken = newest;
					if (this.singleUseTickets && newest.singleUse()) {
						unlinkNewest(host, newest);
						evictions.add(newest, EvictionCause.SINGLE_USE);
					}
				}
			}
		}
		evictions.notify(this.listener);
		return taken;
	}

	/**
	 * Removes one entry.
	 * @param entry the entry
	 * @param cause why
	 * @return {@code false} if it was not in the index
	 */
	public boolean remove(S entry, EvictionCause cause) {
		if (!detach(entry)) {
			return false;
		}
		this.listener.evicted(entry, cause);
		return true;
	}

	/**
	 * Takes an entry out without telling the listener: whoever detaches it becomes
	 * responsible for it.
	 * @param entry the entry
	 * @return {@code false} if it was not in the index
	 */
	public synchronized boolean detach(S entry) {
		if (this.bySlot.get(new Slot(entry.key(), entry.id())) != entry) {
			return false;
		}
		unlink(entry);
		return true;
	}

	/**
	 * Removes every entry of an upstream.
	 * @param key the upstream
	 * @param cause why
	 * @return the number removed
	 */
	public int remove(TlsSessionKey key, EvictionCause cause) {
		List<S> removed;
		synchronized (this) {
			ArrayDeque<S> host = this.byHost.remove(key);
			if (host == null) {
				return 0;
			}
			removed = new ArrayList<>(host);
			removed.forEach((entry) -> this.bySlot.remove(new Slot(entry.key(), entry.id())));
		}
		removed.forEach((entry) -> this.listener.evicted(entry, cause));
		return removed.size();
	}

	/**
	 * Removes every entry.
	 * @param cause why, or {@code null} when the entries are only released (the cache is
	 * closing)
	 * @return the number removed
	 */
	public int clear(@Nullable EvictionCause cause) {
		return clear(cause, false);
	}

	/**
	 * Removes every entry and refuses every later {@link #put}.
	 * @param cause why, or {@code null} when the entries are only released (the cache is
	 * closing)
	 * @return the number removed
	 */
	public int close(@Nullable EvictionCause cause) {
		return clear(cause, true);
	}

	private int clear(@Nullable EvictionCause cause, boolean close) {
		List<S> removed;
		synchronized (this) {
			this.closed |= close;
			removed = new ArrayList<>(this.bySlot.values());
			this.bySlot.clear();
			this.byHost.clear();
		}
		removed.forEach((entry) -> this.listener.evicted(entry, cause));
		return removed.size();
	}

	/**
	 * Whether an entry is in the index.
	 * @param entry the entry
	 * @return {@code true} if present
	 */
	public synchronized boolean contains(S entry) {
		return this.bySlot.get(new Slot(entry.key(), entry.id())) == entry;
	}

	/**
	 * The entries, oldest first.
	 * @return a copy
	 */
	public synchronized List<S> entries() {
		return new ArrayList<>(this.bySlot.values());
	}

	/**
	 * The oldest entries, at most {@code limit} of them.
	 * @param limit how many at most
	 * @return a copy
	 */
	public synchronized List<S> entries(int limit) {
		List<S> entries = new ArrayList<>(Math.min(limit, this.bySlot.size()));
		Iterator<S> oldestFirst = this.bySlot.values().iterator();
		while (entries.size() < limit && oldestFirst.hasNext()) {
			entries.add(oldestFirst.next());
		}
		return entries;
	}

	/**
	 * The number of entries.
	 * @return the size
	 */
	public synchronized int size() {
		return this.bySlot.size();
	}

	private void unlink(S entry) {
		this.bySlot.remove(new Slot(entry.key(), entry.id()));
		unlinkFromHost(entry);
	}

	/**
	 * Unlinks the newest entry of its upstream from the young end, without a scan.
	 */
	private void unlinkNewest(ArrayDeque<S> host, S newest) {
		this.bySlot.remove(new Slot(newest.key(), newest.id()));
		host.pollLast();
		if (host.isEmpty()) {
			this.byHost.remove(newest.key());
		}
	}

	private void unlinkFromHost(S entry) {
		ArrayDeque<S> host = this.byHost.get(entry.key());
		if (host != null && host.remove(entry) && host.isEmpty()) {
			this.byHost.remove(entry.key());
		}
	}

	/**
	 * What {@link #put} did.
	 */
	public enum PutResult {

		/** The entry is new. */
		ADDED,

		/** The entry replaced a different one with the same upstream and id. */
		REPLACED,

		/** The entry was already in the index. */
		IDENTICAL,

		/** The entry had already expired and was not kept. */
		EXPIRED,

		/** The index is closed and keeps nothing. */
		CLOSED;

		/**
		 * Whether the index now holds the entry it was given.
		 * @return {@code true} for {@code ADDED} and {@code REPLACED}
		 */
		public boolean kept() {
			return this == ADDED || this == REPLACED;
		}

	}

	/**
	 * A stored session.
	 */
	public interface Entry {

		/**
		 * The upstream.
		 * @return the key
		 */
		TlsSessionKey key();

		/**
		 * The session id, unique per upstream.
		 * @return the id
		 */
		SessionId id();

		/**
		 * Whether the entry may no longer be handed out because of its age.
		 * @param now the monotonic time ({@link System#nanoTime()})
		 * @return {@code true} once expired
		 */
		boolean expired(long now);

		/**
		 * Whether the entry may be handed out only once.
		 * @return {@code true} for a TLS 1.3 ticket
		 */
		boolean singleUse();

	}

	/**
	 * Told about entries that leave the index.
	 *
	 * @param <S> the entry type
	 */
	@FunctionalInterface
	public interface EvictionListener<S> {

		/**
		 * An entry left the index.
		 * @param entry the entry
		 * @param cause why, or {@code null} when it was replaced by a different entry
		 * with the same id or the index is closing
		 */
		void evicted(S entry, @Nullable EvictionCause cause);

	}

	private record Slot(TlsSessionKey key, SessionId id) {

		@Override
		public boolean equals(Object other) {
			return this == other
					|| (other instanceof Slot slot && this.id.equals(slot.id) && this.key.equals(slot.key));
		}

		@Override
		public int hashCode() {
			return 31 * this.key.hashCode() + this.id.hashCode();
		}

	}

	private static final class Evictions<S> {

		private @Nullable List<Object> entriesAndCauses;

		void add(S entry, @Nullable EvictionCause cause) {
			if (this.entriesAndCauses == null) {
				this.entriesAndCauses = new ArrayList<>(4);
			}
			this.entriesAndCauses.add(entry);
			this.entriesAndCauses.add(cause);
		}

		@SuppressWarnings("unchecked")
		void notify(EvictionListener<? super S> listener) {
			if (this.entriesAndCauses != null) {
				for (int i = 0; i < this.entriesAndCauses.size(); i += 2) {
					listener.evicted((S) this.entriesAndCauses.get(i),
							(EvictionCause) this.entriesAndCauses.get(i + 1));
				}
			}
		}

	}

}
