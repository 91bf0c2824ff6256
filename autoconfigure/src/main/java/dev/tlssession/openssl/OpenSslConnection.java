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

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.cache.StoreDispatcher;
import dev.tlssession.netty.ConnectionEnd;
import dev.tlssession.netty.TrackedConnection;
import dev.tlssession.netty.TrackedConnections;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.internal.tcnative.SSL;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * What a cache knows about one connection: the context that made it, the session offered
 * to it, sessions that arrived before the handshake was known to have succeeded (which
 * the connection owns until then), the sessions it made or resumed (which a broken
 * connection invalidates), and the application store's lookup for it. Confined to the
 * connection's event loop.
 */
final class OpenSslConnection implements TrackedConnection {

	final OpenSslTlsSessionCache cache;

	final OpenSslTlsSessionCache.Context context;

	final ReferenceCountedOpenSslEngine engine;

	final long ssl;

	final @Nullable TlsSessionKey key;

	/**
	 * When the handshake started: the handler's creation, then the connection's
	 * activation if known.
	 */
	long startNanos;

	private final int bound;

	private @Nullable NativeSession offered;

	private boolean handshakeDone;

	private final ArrayDeque<NativeSession> pending = new ArrayDeque<>(2);

	private final ArrayDeque<NativeSession> used = new ArrayDeque<>(2);

	private Lookup lookup = Lookup.NONE;

	private @Nullable StoreDispatcher store;

	private StoreDispatcher.@Nullable Lookup storeLookup;

	private @Nullable ScheduledFuture<?> lookupTimeout;

	private @Nullable Runnable start;

	private final ConnectionEnd end = new ConnectionEnd();

	private boolean activated;

	/**
	 * The connection's protocol and cipher suite, read once for all the tickets it
	 * receives.
	 */
	private @Nullable String protocol;

	private @Nullable String cipherSuite;

	OpenSslConnection(OpenSslTlsSessionCache cache, OpenSslTlsSessionCache.Context context,
			ReferenceCountedOpenSslEngine engine, long ssl, @Nullable TlsSessionKey key, int bound) {
		this.cache = cache;
		this.context = context;
		this.engine = engine;
		this.ssl = ssl;
		this.key = key;
		this.bound = bound;
		this.startNanos = System.nanoTime();
	}

	/**
	 * Whether the engine still owns the native {@code SSL} object this connection was
	 * made for: after the engine freed it, its address may belong to another engine.
	 */
	boolean holdsSsl(long ssl) {
		synchronized (this.engine) {
			return this.engine.sslPointer() == ssl;
		}
	}

	/**
	 * The protocol the connection agreed; only asked while the engine holds its
	 * {@code SSL} object.
	 */
	String protocol() {
		if (this.protocol == null) {
			this.protocol = SSL.getVersion(this.ssl);
		}
		return this.protocol;
	}

	/**
	 * The cipher suite the connection agreed; only asked while the engine holds its
	 * {@code SSL} object.
	 */
	String cipherSuite() {
		if (this.cipherSuite == null) {
			this.cipherSuite = SSL.getCipherForSSL(this.ssl);
		}
		return this.cipherSuite;
	}

	@Override
	public long handshakeTimeoutMillis() {
		return this.cache.settings().handshakeTimeout().toMillis();
	}

	@Override
	public void prepare(EventLoop eventLoop) {
		StoreDispatcher store = this.cache.storeFor(this);
		if (store == null || this.lookup != Lookup.NONE || this.offered != null || this.key == null) {
			return;
		}
		this.lookup = Lookup.PENDING;
		this.store = store;
		this.lookupTimeout = eventLoop.schedule(this::lookupTimedOut, store.timeout().toNanos(), TimeUnit.NANOSECONDS);
		this.storeLookup = store.lookup(this.key, (chosen) -> {
			try {
				eventLoop.execute(() -> answered(chosen));
			}
			catch (Throwable ex) {
				// the event loop is shutting down: nothing was taken, nothing to give
				// back
			}
		});
	}

	private void answered(@Nullable TlsSession chosen) {
		if (this.lookup != Lookup.PENDING) {
			return;
		}
		settle();
		if (chosen != null) {
			this.cache.offerFromStore(this, chosen);
		}
		startIfWaiting();
	}

	private void lookupTimedOut() {
		if (this.lookup == Lookup.PENDING) {
			settle();
			this.store.timedOut();
			startIfWaiting();
		}
	}

	private void settle() {
		this.lookup = Lookup.SETTLED;
		if (this.lookupTimeout != null) {
			this.lookupTimeout.cancel(false);
		}
		if (this.storeLookup != null) {
			this.storeLookup.abandon();
		}
	}

	@Override
	public void activate(Runnable start) {
		this.activated = true;
		this.startNanos = System.nanoTime();
		if (this.lookup == Lookup.PENDING) {
			this.start = start;
		}
		else {
			start.run();
		}
	}

	private void startIfWaiting() {
		Runnable waiting = this.start;
		this.start = null;
		if (waiting != null) {
			waiting.run();
		}
	}

	@Override
	public void closeRequested() {
		this.end.closeRequested();
	}

	@Override
	public void closeNotifyReceived() {
		this.end.closeNotifyReceived();
	}

	@Override
	public void closing() {
		this.end.closing(!holdsSsl(this.ssl));
	}

	@Override
	public void inactive() {
		if (this.end.broke(!holdsSsl(this.ssl))) {
			broken();
		}
		TrackedConnections.unregister(this.engine, this);
	}

	/**
	 * Whether the connection became active through the binding's handlers, which then
	 * tell it when it ends.
	 * @return {@code true} once activated
	 */
	boolean activated() {
		return this.activated;
	}

	@Override
	public void broken() {
		this.cache.connectionBroken(this);
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
	 * Holds a session that arrived before the handshake was known to have succeeded:
	 * nothing is stored from a handshake that fails. The connection owns it until then.
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
			this.pending.removeFirst().releaseOwned();
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
	 * The connection ended: drops sessions that never became usable and stops waiting for
	 * the store.
	 */
	void closed() {
		while (!this.pending.isEmpty()) {
			this.pending.removeFirst().releaseOwned();
		}
		if (this.lookup == Lookup.PENDING) {
			settle();
		}
		this.start = null;
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

	private enum Lookup {

		/** No lookup was asked for. */
		NONE,

		/** The store is asked; the handshake waits for its answer or the timeout. */
		PENDING,

		/** Answered, timed out or abandoned: the handshake may start. */
		SETTLED

	}

}
