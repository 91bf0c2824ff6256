package dev.tlssession.openssl;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

import dev.tlssession.TlsSessionKey;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import org.jspecify.annotations.Nullable;

/**
 * What the cache knows about one connection: the session it offered, sessions that arrived before the handshake
 * was known to have succeeded, and the sessions the connection made or resumed (which a dirty close invalidates).
 * Confined to the connection's event loop once the handler is in its pipeline.
 */
final class OpenSslConnection {

	final ReferenceCountedOpenSslEngine engine;

	final long ssl;

	final @Nullable TlsSessionKey key;

	/** When the handshake started: the handler's creation, then the connection's activation if known. */
	volatile long startNanos;

	final Object context;

	private final int bound;

	private @Nullable NativeSession offered;

	private boolean handshakeDone;

	private final ArrayDeque<NativeSession> pending = new ArrayDeque<>(2);

	private final ArrayDeque<NativeSession> used = new ArrayDeque<>(2);

	OpenSslConnection(ReferenceCountedOpenSslEngine engine, long ssl, @Nullable TlsSessionKey key, Object context,
			int bound) {
		this.engine = engine;
		this.ssl = ssl;
		this.key = key;
		this.context = context;
		this.bound = bound;
		this.startNanos = System.nanoTime();
	}

	void offered(NativeSession session) {
		this.offered = session;
	}

	@Nullable NativeSession offered() {
		return this.offered;
	}

	boolean handshakeDone() {
		return this.handshakeDone;
	}

	/**
	 * Holds a session that arrived before the handshake was known to have succeeded: nothing is stored from a
	 * handshake that fails.
	 * @param session the new session
	 * @param keep what to do with it once the handshake has succeeded
	 */
	void sessionCreated(NativeSession session, Consumer<NativeSession> keep) {
		if (this.handshakeDone) {
			keep.accept(session);
			return;
		}
		this.pending.addLast(session);
		if (this.pending.size() > this.bound) {
			this.pending.removeFirst().releaseIfUnexposed();
		}
	}

	/**
	 * The handshake succeeded: keeps the sessions that arrived during it.
	 * @param keep what to do with each
	 */
	void handshakeSucceeded(Consumer<NativeSession> keep) {
		this.handshakeDone = true;
		while (!this.pending.isEmpty()) {
			keep.accept(this.pending.removeFirst());
		}
	}

	/**
	 * Drops sessions that never became usable.
	 */
	void releasePending() {
		while (!this.pending.isEmpty()) {
			this.pending.removeFirst().releaseIfUnexposed();
		}
	}

	/**
	 * Remembers a session this connection made or resumed, up to the per-host bound.
	 * @param session the session
	 */
	void used(NativeSession session) {
		this.used.addLast(session);
		if (this.used.size() > this.bound) {
			this.used.removeFirst();
		}
	}

	List<NativeSession> usedSessions() {
		return List.copyOf(this.used);
	}

}
