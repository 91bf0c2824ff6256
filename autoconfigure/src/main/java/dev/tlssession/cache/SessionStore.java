package dev.tlssession.cache;

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
 * A bounded session store: at most {@code maxSessions} in total and {@code maxPerHost} per upstream, oldest out
 * first, expired sessions never handed out. Every operation is O(1) apart from the per-host scan, which is bounded
 * by {@code maxPerHost}.
 * <p>
 * Thread-safe. Listeners run after the store's lock is released, so they may do slow work such as freeing native
 * memory.
 *
 * @param <S> the entry type
 */
public final class SessionStore<S extends SessionStore.Entry> {

	private final int maxSessions;

	private final int maxPerHost;

	private final boolean singleUseTickets;

	private final EvictionListener<? super S> listener;

	/** Every entry, oldest first. */
	private final LinkedHashMap<SessionId, S> byId = new LinkedHashMap<>();

	/** Entries per upstream, oldest first. */
	private final Map<TlsSessionKey, ArrayDeque<S>> byHost = new HashMap<>();

	/**
	 * Creates a store.
	 * @param maxSessions the total bound
	 * @param maxPerHost the bound per upstream
	 * @param singleUseTickets whether single-use entries are removed when handed out
	 * @param listener told about every entry that leaves the store
	 */
	public SessionStore(int maxSessions, int maxPerHost, boolean singleUseTickets,
			EvictionListener<? super S> listener) {
		this.maxSessions = maxSessions;
		this.maxPerHost = maxPerHost;
		this.singleUseTickets = singleUseTickets;
		this.listener = listener;
	}

	/**
	 * Adds an entry. An entry with the same id is replaced; the same entry again changes nothing.
	 * @param entry the entry
	 * @param now the monotonic time in nanoseconds
	 * @return what happened
	 */
	public PutResult put(S entry, long now) {
		Evictions<S> evictions = new Evictions<>();
		PutResult result;
		synchronized (this) {
			result = putLocked(entry, now, evictions);
		}
		evictions.notify(this.listener);
		return result;
	}

	private PutResult putLocked(S entry, long now, Evictions<S> evictions) {
		if (entry.expiresAt() - now <= 0) {
			return PutResult.EXPIRED;
		}
		PutResult result = PutResult.ADDED;
		S existing = this.byId.get(entry.id());
		if (existing == entry) {
			return PutResult.IDENTICAL;
		}
		if (existing != null) {
			unlink(existing);
			evictions.add(existing, null);
			result = PutResult.REPLACED;
		}
		this.byId.put(entry.id(), entry);
		ArrayDeque<S> host = this.byHost.computeIfAbsent(entry.key(), (key) -> new ArrayDeque<>(2));
		host.addLast(entry);
		if (host.size() > this.maxPerHost) {
			S oldest = host.peekFirst();
			unlink(oldest);
			evictions.add(oldest, EvictionCause.CAPACITY);
		}
		expireOldest(now, evictions);
		while (this.byId.size() > this.maxSessions) {
			S oldest = this.byId.values().iterator().next();
			unlink(oldest);
			evictions.add(oldest, EvictionCause.CAPACITY);
		}
		return result;
	}

	/**
	 * Removes expired entries from the old end; entries are nearly in expiry order, and the few that are not are
	 * dropped by {@link #take} or by the bounds.
	 */
	private void expireOldest(long now, Evictions<S> evictions) {
		Iterator<S> oldestFirst = this.byId.values().iterator();
		while (oldestFirst.hasNext()) {
			S oldest = oldestFirst.next();
			if (oldest.expiresAt() - now > 0) {
				return;
			}
			oldestFirst.remove();
			unlinkFromHost(oldest);
			evictions.add(oldest, EvictionCause.EXPIRED);
		}
	}

	/**
	 * Hands out the newest usable entry for an upstream. A single-use entry leaves the store; others stay.
	 * @param key the upstream
	 * @param now the monotonic time in nanoseconds
	 * @param claim called under the store's lock on the chosen entry, before any concurrent eviction can release
	 * it (for example to take a native reference); an entry it refuses is dropped as invalidated
	 * @return the entry, or {@code null} if there is none
	 */
	public @Nullable S take(TlsSessionKey key, long now, Predicate<? super S> claim) {
		Evictions<S> evictions = new Evictions<>();
		S taken = null;
		synchronized (this) {
			ArrayDeque<S> host = this.byHost.get(key);
			while (host != null && taken == null && !host.isEmpty()) {
				S newest = host.peekLast();
				if (newest.expiresAt() - now <= 0) {
					unlink(newest);
					evictions.add(newest, EvictionCause.EXPIRED);
				}
				else if (!claim.test(newest)) {
					unlink(newest);
					evictions.add(newest, EvictionCause.INVALIDATED);
				}
				else {
					taken = newest;
					if (this.singleUseTickets && newest.singleUse()) {
						unlink(newest);
						evictions.add(newest, EvictionCause.SINGLE_USE);
					}
				}
				host = this.byHost.get(key);
			}
		}
		evictions.notify(this.listener);
		return taken;
	}

	/**
	 * Removes one entry.
	 * @param entry the entry
	 * @param cause why
	 * @return {@code false} if it was not in the store
	 */
	public boolean remove(S entry, EvictionCause cause) {
		synchronized (this) {
			if (this.byId.get(entry.id()) != entry) {
				return false;
			}
			unlink(entry);
		}
		this.listener.evicted(entry, cause);
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
			removed.forEach((entry) -> this.byId.remove(entry.id()));
		}
		removed.forEach((entry) -> this.listener.evicted(entry, cause));
		return removed.size();
	}

	/**
	 * Removes every entry.
	 * @param cause why
	 * @return the number removed
	 */
	public int clear(EvictionCause cause) {
		List<S> removed;
		synchronized (this) {
			removed = new ArrayList<>(this.byId.values());
			this.byId.clear();
			this.byHost.clear();
		}
		removed.forEach((entry) -> this.listener.evicted(entry, cause));
		return removed.size();
	}

	/**
	 * Whether an entry is in the store.
	 * @param entry the entry
	 * @return {@code true} if present
	 */
	public synchronized boolean contains(S entry) {
		return this.byId.get(entry.id()) == entry;
	}

	/**
	 * The entries, oldest first.
	 * @return a copy
	 */
	public synchronized List<S> entries() {
		return new ArrayList<>(this.byId.values());
	}

	/**
	 * The number of entries.
	 * @return the size
	 */
	public synchronized int size() {
		return this.byId.size();
	}

	private void unlink(S entry) {
		this.byId.remove(entry.id());
		unlinkFromHost(entry);
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

		/** The entry replaced a different one with the same id. */
		REPLACED,

		/** The entry was already in the store. */
		IDENTICAL,

		/** The entry had already expired and was not stored. */
		EXPIRED

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
		 * The session id.
		 * @return the id
		 */
		SessionId id();

		/**
		 * The monotonic time ({@link System#nanoTime()}) at which the entry expires.
		 * @return the expiry
		 */
		long expiresAt();

		/**
		 * Whether the entry may be handed out only once.
		 * @return {@code true} for a TLS 1.3 ticket
		 */
		boolean singleUse();

	}

	/**
	 * Told about entries that leave the store.
	 *
	 * @param <S> the entry type
	 */
	@FunctionalInterface
	public interface EvictionListener<S> {

		/**
		 * An entry left the store.
		 * @param entry the entry
		 * @param cause why, or {@code null} when a different entry with the same id replaced it
		 */
		void evicted(S entry, @Nullable EvictionCause cause);

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
