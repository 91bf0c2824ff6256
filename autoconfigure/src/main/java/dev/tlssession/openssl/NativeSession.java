package dev.tlssession.openssl;

import java.lang.ref.Cleaner;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.tlssession.TlsSessionKey;
import dev.tlssession.cache.AbstractTlsSession;
import dev.tlssession.cache.SessionId;
import dev.tlssession.cache.SessionStore;
import io.netty.internal.tcnative.SSLSession;

/**
 * One BoringSSL {@code SSL_SESSION} owned by a cache, with its view.
 * <p>
 * The object holds one native reference. While only the cache knows it, the reference is released as soon as the
 * cache lets the session go. Once it has been handed to the application ({@link #expose()}), the application may
 * keep it, add it back or offer it, so the reference is released when the object becomes unreachable instead.
 */
final class NativeSession extends AbstractTlsSession implements SessionStore.Entry {

	private static final Cleaner CLEANER = Cleaner.create();

	private final Object owner;

	private final NativeReference reference;

	private final long expiresAt;

	private volatile boolean resumable = true;

	private boolean exposed;

	/**
	 * Takes over one reference to a native session.
	 * @param cache the owning cache's name
	 * @param owner the context that made the session: a rebuilt cache refuses sessions of its old context
	 * @param pointer the {@code SSL_SESSION*}, whose reference this object now owns
	 * @param key the upstream
	 * @param protocol the negotiated protocol
	 * @param cipherSuite the negotiated cipher suite
	 * @param lifetimeMillis the cache's timeout
	 * @param now the monotonic time in nanoseconds
	 */
	NativeSession(String cache, Object owner, long pointer, TlsSessionKey key, String protocol, String cipherSuite,
			long lifetimeMillis, long now) {
		this(cache, owner, pointer, key, protocol, cipherSuite, Instant.now(), lifetime(pointer, lifetimeMillis), now);
	}

	private NativeSession(String cache, Object owner, long pointer, TlsSessionKey key, String protocol,
			String cipherSuite, Instant created, long lifetimeMillis, long now) {
		super(cache, key, SessionId.of(SSLSession.getSessionId(pointer)), protocol, cipherSuite, created,
				created.plusMillis(lifetimeMillis), SSLSession.shouldBeSingleUse(pointer));
		this.owner = owner;
		this.reference = new NativeReference(pointer);
		this.expiresAt = now + lifetimeMillis * 1_000_000;
	}

	/**
	 * The cache's timeout, or less when BoringSSL's own timeout for the session (which holds the server's ticket
	 * lifetime) is shorter.
	 */
	private static long lifetime(long pointer, long lifetimeMillis) {
		long nativeTimeoutMillis = SSLSession.getTimeout(pointer) * 1000;
		return (nativeTimeoutMillis > 0) ? Math.min(lifetimeMillis, nativeTimeoutMillis) : lifetimeMillis;
	}

	Object owner() {
		return this.owner;
	}

	long pointer() {
		return this.reference.pointer;
	}

	/**
	 * Takes an extra native reference for offering the session on a connection.
	 * @return {@code false} if the session was already released
	 */
	boolean retain() {
		return this.reference.retain();
	}

	/**
	 * Releases a reference taken by {@link #retain()}.
	 */
	void releaseRetained() {
		SSLSession.free(this.reference.pointer);
	}

	/**
	 * Marks the session as handed to the application, which may now keep it.
	 * @return this session
	 */
	synchronized NativeSession expose() {
		if (!this.exposed) {
			this.exposed = true;
			CLEANER.register(this, this.reference);
		}
		return this;
	}

	/**
	 * Releases the cache's reference unless the application may still hold the session.
	 */
	synchronized void releaseIfUnexposed() {
		if (!this.exposed) {
			this.reference.run();
		}
	}

	void invalidate() {
		this.resumable = false;
	}

	@Override
	public long expiresAt() {
		return this.expiresAt;
	}

	@Override
	public boolean resumable() {
		return this.resumable && this.expiresAt - System.nanoTime() > 0;
	}

	/**
	 * The native reference, released once. Kept apart from the session so that the cleaner does not keep the
	 * session reachable.
	 */
	private static final class NativeReference implements Runnable {

		private final long pointer;

		private final AtomicBoolean released = new AtomicBoolean();

		NativeReference(long pointer) {
			this.pointer = pointer;
		}

		boolean retain() {
			return !this.released.get() && SSLSession.upRef(this.pointer);
		}

		@Override
		public void run() {
			if (this.released.compareAndSet(false, true)) {
				SSLSession.free(this.pointer);
			}
		}

	}

}
