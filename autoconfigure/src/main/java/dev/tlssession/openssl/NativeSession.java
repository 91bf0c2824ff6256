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

package dev.tlssession.openssl;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.tlssession.TlsSessionKey;
import dev.tlssession.cache.AbstractTlsSession;
import dev.tlssession.index.SessionId;
import dev.tlssession.index.SessionIndex;
import io.netty.internal.tcnative.SSLSession;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * One BoringSSL {@code SSL_SESSION} owned by a cache, and the view of it the application
 * sees.
 * <p>
 * The object holds exactly one native reference, which it frees exactly once: when its
 * owner (the pending list of the connection that received it, or the cache's index)
 * {@linkplain #releaseOwned() lets go} and no offer is {@linkplain #retain() using it} at
 * that moment. The native pointer is touched only under such a Java-side reference, so a
 * view the application keeps never pins native memory and can never reach freed memory:
 * once released it is simply no longer {@linkplain #resumable() resumable}.
 */
final class NativeSession extends AbstractTlsSession implements SessionIndex.Entry {

	private static final InternalLogger logger = InternalLoggerFactory.getInstance(NativeSession.class);

	private final Object generation;

	/**
	 * The native references its cache holds: one per live session, taken and released
	 * here.
	 */
	private final AtomicLong held;

	private final long pointer;

	private final long expiresAt;

	private final long validFromSeconds;

	private final long validUntilSeconds;

	private final boolean offeredOnce;

	/**
	 * Java-side references: the owner's one, plus one per offer in progress. The native
	 * one goes with the last.
	 */
	private final AtomicInteger references = new AtomicInteger(1);

	private final AtomicBoolean ownerReleased = new AtomicBoolean();

	private final AtomicBoolean offered = new AtomicBoolean();

	private volatile boolean invalidated;

	private volatile boolean chosenByStore;

	private volatile boolean storeToldOfRemoval;

	private NativeSession(Facts facts, Object generation, AtomicLong held, long pointer, long expiresAt,
			boolean offeredOnce) {
		super(facts.cache, facts.key, facts.id, facts.protocol, facts.cipherSuite, facts.created,
				facts.created.plusMillis(facts.lifetimeMillis), facts.singleUse);
		this.generation = generation;
		this.held = held;
		this.pointer = pointer;
		this.expiresAt = expiresAt;
		this.validFromSeconds = facts.nativeTimeSeconds;
		this.validUntilSeconds = facts.nativeTimeSeconds + facts.nativeTimeoutSeconds;
		this.offeredOnce = offeredOnce;
		held.incrementAndGet();
	}

	/**
	 * Takes over BoringSSL's reference to a new session, unless BoringSSL itself would
	 * never offer it (a zero ticket lifetime, or a session already outside its lifetime
	 * by the wall clock): then nothing is taken and the caller must leave the reference
	 * to BoringSSL.
	 * @param facts what the session is, read before ownership moves
	 * @param generation the context that made the session: a session is never offered on
	 * another
	 * @param held the count of native references the cache holds
	 * @param pointer the {@code SSL_SESSION*}
	 * @param singleUseTickets whether the cache offers a single-use session only once
	 * (RFC 8446 C.4)
	 * @param now the monotonic time in nanoseconds
	 * @return the session, which now owns the reference, or {@code null} when the
	 * reference was not taken
	 */
	static @Nullable NativeSession adopt(Facts facts, Object generation, AtomicLong held, long pointer,
			boolean singleUseTickets, long now) {
		if (!facts.usableBy(System.currentTimeMillis() / 1000)) {
			return null;
		}
		return new NativeSession(facts, generation, held, pointer, now + facts.lifetimeMillis * 1_000_000,
				singleUseTickets && facts.singleUse);
	}

	Object generation() {
		return this.generation;
	}

	/**
	 * The native pointer, to be used only while holding a reference taken by
	 * {@link #retain()}.
	 * @return the {@code SSL_SESSION*}
	 */
	long pointer() {
		return this.pointer;
	}

	/**
	 * Claims the session for one offer: it must be resumable, and a single-use session is
	 * claimed only once, by whoever asks first. Takes a reference that {@link #release()}
	 * gives back.
	 * @param now the monotonic time in nanoseconds
	 * @return {@code false} if it must not be offered
	 */
	boolean claimForOffer(long now) {
		if (this.invalidated || expired(now) || (this.offeredOnce && !this.offered.compareAndSet(false, true))) {
			return false;
		}
		return retain();
	}

	/**
	 * Takes a Java-side reference that keeps the native session alive until
	 * {@link #release()}.
	 * @return {@code false} if it was already freed
	 */
	boolean retain() {
		for (;;) {
			int count = this.references.get();
			if (count <= 0) {
				return false;
			}
			if (this.references.compareAndSet(count, count + 1)) {
				return true;
			}
		}
	}

	/**
	 * Gives back a reference taken by {@link #retain()}; the last one frees the native
	 * session.
	 */
	void release() {
		int count = this.references.decrementAndGet();
		if (count == 0) {
			SSLSession.free(this.pointer);
			this.held.decrementAndGet();
		}
		else if (count < 0) {
			// a bug, never reached: refuse to free twice
			logger.error("TLS session of cache '{}' released once too often; not freed again", cache());
		}
	}

	/**
	 * Gives back the owner's reference, once however often it is called.
	 */
	void releaseOwned() {
		if (this.ownerReleased.compareAndSet(false, true)) {
			release();
		}
	}

	void invalidate() {
		this.invalidated = true;
	}

	/**
	 * The application's store chose the session and it was offered.
	 */
	void chosenByStore() {
		this.chosenByStore = true;
	}

	/**
	 * The store has been told that the session left the cache.
	 */
	void storeToldOfRemoval() {
		this.storeToldOfRemoval = true;
	}

	/**
	 * Whether a store that hands the session out although it can no longer be offered is
	 * at fault: it chose the session before (a single-use session is offered once), or it
	 * was told that the session left the cache. Otherwise it could not know yet, as that
	 * notification is still on its way.
	 * @return {@code true} if the store should have known
	 */
	boolean storeShouldKnowItIsSpent() {
		return this.chosenByStore || this.storeToldOfRemoval;
	}

	@Override
	public boolean expired(long now) {
		if (this.expiresAt - now <= 0) {
			return true;
		}
		long seconds = System.currentTimeMillis() / 1000;
		// BoringSSL's own test: a session from the future (the clock went back) or past
		// its lifetime is not offered
		return seconds < this.validFromSeconds || seconds >= this.validUntilSeconds;
	}

	@Override
	public boolean resumable() {
		return !this.invalidated && this.references.get() > 0 && !(this.offeredOnce && this.offered.get())
				&& !expired(System.nanoTime());
	}

	/**
	 * What a new session is, read from BoringSSL before ownership of it moves.
	 *
	 * @param cache the cache name
	 * @param key the upstream
	 * @param id the session id
	 * @param protocol the negotiated protocol
	 * @param cipherSuite the negotiated cipher suite
	 * @param singleUse whether BoringSSL marks it single-use
	 * @param nativeTimeSeconds when BoringSSL says it was made, in seconds since the
	 * epoch
	 * @param nativeTimeoutSeconds its lifetime in BoringSSL, which holds the server's
	 * ticket lifetime
	 * @param created when it was made
	 * @param lifetimeMillis its lifetime in the cache: the cache's timeout or
	 * BoringSSL's, whichever is shorter
	 */
	record Facts(String cache, TlsSessionKey key, SessionId id, String protocol, String cipherSuite, boolean singleUse,
			long nativeTimeSeconds, long nativeTimeoutSeconds, Instant created, long lifetimeMillis) {

		/**
		 * Reads a session's facts.
		 * @param cache the cache name
		 * @param key the upstream
		 * @param pointer the {@code SSL_SESSION*}, still owned by BoringSSL
		 * @param protocol the negotiated protocol
		 * @param cipherSuite the negotiated cipher suite
		 * @param timeoutMillis the cache's timeout
		 * @return the facts
		 */
		static Facts read(String cache, TlsSessionKey key, long pointer, String protocol, String cipherSuite,
				long timeoutMillis) {
			long nativeTimeout = SSLSession.getTimeout(pointer);
			return new Facts(cache, key, SessionId.of(SSLSession.getSessionId(pointer)), protocol, cipherSuite,
					SSLSession.shouldBeSingleUse(pointer), SSLSession.getTime(pointer), nativeTimeout, Instant.now(),
					Math.min(timeoutMillis, Math.max(0, nativeTimeout) * 1000));
		}

		/**
		 * BoringSSL's test for offering a session: a zero lifetime (RFC 8446: discard the
		 * ticket) or a session outside its lifetime by the wall clock is never offered,
		 * so it is not worth keeping.
		 */
		boolean usableBy(long nowSeconds) {
			return this.nativeTimeoutSeconds > 0 && this.lifetimeMillis > 0 && nowSeconds >= this.nativeTimeSeconds
					&& nowSeconds - this.nativeTimeSeconds < this.nativeTimeoutSeconds;
		}

	}

}
