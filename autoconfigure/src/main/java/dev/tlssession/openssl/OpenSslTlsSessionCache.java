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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLException;

import dev.tlssession.EvictionCause;
import dev.tlssession.HandshakeOutcome;
import dev.tlssession.KeyExchangeGroups;
import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsProvider;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionConfigurationException;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.TlsSessionStore;
import dev.tlssession.cache.AbstractTlsSessionCache;
import dev.tlssession.cache.StoreDispatcher;
import dev.tlssession.index.HostDemand;
import dev.tlssession.index.SessionIndex;
import dev.tlssession.netty.ForwardingSslContext;
import dev.tlssession.netty.HandshakeFailures;
import dev.tlssession.netty.TrackedConnections;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.internal.tcnative.SSL;
import io.netty.internal.tcnative.SSLSessionCache;
import io.netty.util.IllegalReferenceCountException;
import io.netty.util.concurrent.Future;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * A cache on BoringSSL whose sessions live in the starter's own {@link SessionIndex}.
 * <p>
 * BoringSSL hands every new client session to the cache through tcnative's session-cache
 * callback; the cache keys it by host and port, bounds and expires it, and offers one on
 * each new connection with {@code SSL_set_session} before the ClientHello is written.
 * After the handshake, {@code SSL_session_reused} says whether the server took it. It
 * keeps as many sessions of an upstream as its recent demand calls for
 * ({@link HostDemand}), within {@code max-sessions-per-host}.
 * <p>
 * Each TLS configuration the cache has had is a {@link Context}: a native context the
 * cache holds one reference to, with its own index and connections. A rebuild retires the
 * old one: its index is emptied and closed, so no session of the old material can ever be
 * offered again, and its native context is freed after its last connection.
 *
 * @since 0.1.0
 */
public final class OpenSslTlsSessionCache extends AbstractTlsSessionCache {

	private static final InternalLogger logger = InternalLoggerFactory.getInstance(OpenSslTlsSessionCache.class);

	private final @Nullable StoreDispatcher store;

	private final Object lifecycle = new Object();

	private final AtomicLong nativeReferences = new AtomicLong();

	private volatile Context context;

	private volatile boolean closed;

	/**
	 * Creates a cache without an application store.
	 * @param name the cache name
	 * @param settings the settings
	 * @param material the TLS configuration
	 * @throws SSLException if the context cannot be built
	 */
	public OpenSslTlsSessionCache(String name, TlsSessionCacheSettings settings, TlsMaterial material)
			throws SSLException {
		this(name, settings, material, null, Duration.ZERO);
	}

	/**
	 * Creates a cache.
	 * @param name the cache name
	 * @param settings the settings
	 * @param material the TLS configuration
	 * @param store the application's store for this cache, or {@code null}
	 * @param storeTimeout how long a connection waits for the store's lookup at most
	 * @throws SSLException if the context cannot be built
	 */
	public OpenSslTlsSessionCache(String name, TlsSessionCacheSettings settings, TlsMaterial material,
			@Nullable TlsSessionStore store, Duration storeTimeout) throws SSLException {
		super(name, TlsProvider.OPENSSL, settings);
		this.store = (store != null) ? new StoreDispatcher(store, name, storeTimeout, counters()::storeFailure) : null;
		this.context = newContext(material);
	}

	@Override
	public void rebuild(TlsMaterial material) throws SSLException {
		synchronized (this.lifecycle) {
			if (this.closed) {
				throw new IllegalStateException("Cache '" + name() + "' is closed");
			}
			Context retired = this.context;
			this.context = newContext(material);
			retired.retire(EvictionCause.FLUSHED);
		}
	}

	@Override
	public void close() {
		synchronized (this.lifecycle) {
			if (!this.closed) {
				this.closed = true;
				this.context.retire(null);
			}
		}
	}

	private Context newContext(TlsMaterial material) throws SSLException {
		// reference counted: the cache releases its reference on rebuild, and the native
		// context (its key material and the session-cache callback tcnative keeps a
		// global reference to) goes with the last connection
		SslContextBuilder builder = material.clientBuilder(material.trustManager())
			.sslProvider(SslProvider.OPENSSL_REFCNT);
		String[] groups = boringSslGroups(settings().keyExchangeGroups());
		if (groups.length > 0) {
			builder.option(OpenSslContextOption.GROUPS, groups);
		}
		ReferenceCountedOpenSslContext inner;
		try {
			inner = (ReferenceCountedOpenSslContext) builder.build();
		}
		catch (SSLException ex) {
			if (groups.length > 0 && String.valueOf(ex.getMessage()).contains("groups")) {
				throw new TlsSessionConfigurationException(null, "key-exchange-groups", settings().keyExchangeGroups(),
						"the BoringSSL of this netty-tcnative does not accept them (" + ex.getMessage() + ")",
						"list groups it offers, such as [x25519], or remove the setting");
			}
			throw ex;
		}
		try {
			Context created = new Context(inner);
			OpenSslSupport.installSessionCache(inner, created);
			OpenSslSessionContext sessionContext = inner.sessionContext();
			// with only TLS 1.2 enabled, Netty's client sends no ticket extension unless
			// ticket keys were set (with TLS 1.3 enabled it clears SSL_OP_NO_TICKET per
			// connection), and a tickets-only server never resumes
			sessionContext.setTicketKeys();
			sessionContext.setSessionTimeout((int) settings().timeout().toSeconds());
			return created;
		}
		catch (RuntimeException | Error ex) {
			inner.release();
			throw ex;
		}
	}

	/**
	 * BoringSSL's names of the groups.
	 * @param groups the groups' names, see {@link KeyExchangeGroups}
	 * @return the names in BoringSSL, empty for its default
	 * @throws TlsSessionConfigurationException if BoringSSL does not offer one of them
	 */
	static String[] boringSslGroups(List<String> groups) {
		String[] names = new String[groups.size()];
		for (int i = 0; i < names.length; i++) {
			names[i] = KeyExchangeGroups.boringSslName(groups.get(i));
			if (names[i] == null) {
				throw new TlsSessionConfigurationException(null, "key-exchange-groups", groups.get(i),
						"BoringSSL does not offer this group for TLS key exchange",
						"list groups BoringSSL offers (x25519, secp256r1, secp384r1, secp521r1, X25519MLKEM768), or "
								+ "set tls.session.provider=jdk");
			}
		}
		return names;
	}

	/**
	 * The native session references the cache holds now: one per session in its indexes,
	 * pending on a connection or being offered. Every path that takes one releases it
	 * exactly once.
	 * @return the count
	 */
	long nativeSessionReferences() {
		return this.nativeReferences.get();
	}

	@Override
	public SslContext sslContext() {
		return this.context;
	}

	@Override
	public int size() {
		return this.context.index.size();
	}

	@Override
	public List<TlsSession> sessions() {
		return List.copyOf(this.context.index.entries());
	}

	@Override
	public List<TlsSession> sessions(int limit) {
		return List.copyOf(this.context.index.entries(limit));
	}

	@Override
	public boolean add(TlsSession session) {
		NativeSession nativeSession = own(session);
		if (!nativeSession.resumable()) {
			return false;
		}
		Context owner = (Context) nativeSession.generation();
		boolean handedOut = owner.detached != null && owner.detached.detach(nativeSession);
		SessionIndex.PutResult result = owner.index.put(nativeSession, System.nanoTime());
		if (result.kept()) {
			counters().stored();
			return true;
		}
		if (handedOut && result != SessionIndex.PutResult.IDENTICAL) {
			// it left the detached sessions and no index holds it: the store hears it is
			// gone
			evicted(nativeSession,
					(result == SessionIndex.PutResult.EXPIRED) ? EvictionCause.EXPIRED : EvictionCause.FLUSHED);
		}
		return false;
	}

	@Override
	public boolean remove(TlsSession session) {
		if (!(session instanceof NativeSession nativeSession) || !nativeSession.cache().equals(name())) {
			return false;
		}
		nativeSession.invalidate();
		Context owner = (Context) nativeSession.generation();
		return owner.index.remove(nativeSession, EvictionCause.REMOVED)
				|| (owner.detached != null && owner.detached.remove(nativeSession, EvictionCause.REMOVED));
	}

	@Override
	public int remove(String host, int port) {
		TlsSessionKey key = new TlsSessionKey(host, port);
		Context current = this.context;
		return current.index.remove(key, EvictionCause.REMOVED)
				+ ((current.detached != null) ? current.detached.remove(key, EvictionCause.REMOVED) : 0);
	}

	@Override
	public int flush() {
		Context current = this.context;
		return current.index.clear(EvictionCause.FLUSHED)
				+ ((current.detached != null) ? current.detached.clear(EvictionCause.FLUSHED) : 0);
	}

	private NativeSession own(TlsSession session) {
		if (!(session instanceof NativeSession nativeSession) || !nativeSession.cache().equals(name())) {
			throw new IllegalArgumentException("Session " + session + " cannot be added to cache '" + name()
					+ "': a session belongs to the cache, and so to the TLS configuration, that made it");
		}
		if (nativeSession.generation() != this.context) {
			throw new IllegalArgumentException("Session " + session + " cannot be added to cache '" + name()
					+ "': it was made before the cache was rebuilt with new TLS material");
		}
		return nativeSession;
	}

	/**
	 * A session left an index: the owner's reference goes with it, whatever else fails.
	 */
	private void evicted(NativeSession session, @Nullable EvictionCause cause) {
		try {
			if (cause != null) {
				counters().evicted(cause, 1);
				if (cause != EvictionCause.CAPACITY && cause != EvictionCause.EXPIRED) {
					session.invalidate();
				}
				if (this.store != null) {
					this.store.onRemoved(session.key(), session, cause, session::storeToldOfRemoval);
				}
			}
		}
		catch (Throwable ex) {
			warn("could not account for an evicted session", ex);
		}
		finally {
			session.releaseOwned();
		}
	}

	@Nullable StoreDispatcher storeFor(OpenSslConnection connection) {
		return (this.store != null && settings().reuse() && !this.closed) ? this.store : null;
	}

	private void connect(Context origin, SslHandler handler) {
		if (!(handler.engine() instanceof ReferenceCountedOpenSslEngine engine)) {
			return;
		}
		try {
			handler.setHandshakeTimeoutMillis(settings().handshakeTimeout().toMillis());
			long ssl = engine.sslPointer();
			OpenSslConnection connection = new OpenSslConnection(this, origin, engine, ssl, keyOf(engine),
					settings().maxSessionsPerHost());
			origin.connections.put(ssl, connection);
			TrackedConnections.register(engine, connection);
			handler.handshakeFuture().addListener((future) -> handshakeDone(connection, future));
			if (connection.key != null) {
				origin.demand.opened(connection.key, System.nanoTime());
			}
			handler.sslCloseFuture().addListener((future) -> closed(connection));
			offerFromIndex(connection);
		}
		catch (Throwable ex) {
			warn("could not track a new connection; it makes a full handshake", ex);
		}
	}

	/**
	 * Offers the newest usable session of the connection's own context, unless
	 * {@code no-internal-lookup}: before the handshake starts ({@code SSL_set_session}
	 * after the ClientHello has been written aborts the process). On a miss the
	 * application's store is asked once the channel is registered (see
	 * {@link OpenSslConnection#prepare}), as OpenSSL consults its external cache only
	 * when the internal lookup misses.
	 */
	private void offerFromIndex(OpenSslConnection connection) {
		TlsSessionKey key = connection.key;
		if (key == null || !settings().looksUpInternally() || this.closed) {
			return;
		}
		long now = System.nanoTime();
		NativeSession session = connection.context.index.take(key, now, (entry) -> entry.claimForOffer(now));
		if (session != null) {
			offer(connection, session);
		}
	}

	/**
	 * Checks a session the application's store chose and offers it: it must come from the
	 * context that made this connection, be for this upstream and still be resumable; a
	 * single-use session is offered once in total, whoever chose it.
	 */
	void offerFromStore(OpenSslConnection connection, TlsSession chosen) {
		StoreDispatcher store = this.store;
		String problem;
		if (!(chosen instanceof NativeSession session) || !session.cache().equals(name())) {
			problem = "it returned a session of another cache";
		}
		else if (session.generation() != connection.context) {
			problem = "it returned a session made with other TLS material (the cache was rebuilt)";
		}
		else if (!session.key().equals(connection.key)) {
			problem = "it returned a session of another upstream";
		}
		else if (!session.claimForOffer(System.nanoTime())) {
			if (!session.storeShouldKnowItIsSpent()) {
				// the session left the cache a moment ago and the store's onRemoved is
				// still on its way: a miss, not the store's fault
				return;
			}
			problem = session.singleUse() ? "it returned a single-use session that was already offered or removed"
					: "it returned a session that is no longer resumable";
		}
		else {
			session.chosenByStore();
			if (session.singleUse() && settings().singleUseTickets()) {
				// spent: whichever holds it lets it go (the offer's own reference keeps
				// it alive until set)
				if (!connection.context.index.remove(session, EvictionCause.SINGLE_USE)
						&& connection.context.detached != null) {
					connection.context.detached.remove(session, EvictionCause.SINGLE_USE);
				}
			}
			offer(connection, session);
			return;
		}
		if (store != null) {
			store.rejected(problem);
		}
	}

	/**
	 * Sets a claimed session on the connection and gives back the claim's reference, on
	 * every path.
	 */
	private void offer(OpenSslConnection connection, NativeSession session) {
		try {
			boolean set;
			synchronized (connection.engine) {
				// the engine frees its SSL object when the connection ends: never touch
				// it after that
				set = connection.engine.sslPointer() == connection.ssl
						&& SSL.setSession(connection.ssl, session.pointer());
			}
			if (set) {
				connection.offered(session);
			}
		}
		finally {
			session.release();
		}
	}

	private void handshakeDone(OpenSslConnection connection, Future<?> future) {
		NativeSession offered = connection.offered();
		if (!future.isSuccess()) {
			connection.closed();
			if (HandshakeFailures.started(future.cause())) {
				recordHandshake(connection.key, HandshakeOutcome.FAILED, null, connection.startNanos);
			}
			if (offered != null && HandshakeFailures.started(future.cause())) {
				// a resumption attempt that ended in an alert: the session must not be
				// offered again
				offered.invalidate();
				connection.context.index.remove(offered, EvictionCause.INVALIDATED);
			}
			return;
		}
		boolean resumed;
		synchronized (connection.engine) {
			long ssl = connection.engine.sslPointer();
			resumed = ssl != 0 && SSL.isSessionReused(ssl);
		}
		String protocol = connection.engine.getSession().getProtocol();
		recordHandshake(connection.key, resumed ? HandshakeOutcome.RESUMED : HandshakeOutcome.FULL, protocol,
				connection.startNanos);
		if (offered != null && connection.key != null) {
			recordOffer(connection.key, resumed, protocol);
			if (resumed) {
				connection.used(offered);
			}
			else if (settings().evictOnRejection()) {
				connection.context.index.remove(offered, EvictionCause.REJECTED);
			}
		}
		connection.handshakeSucceeded((session) -> keep(connection, session));
	}

	private void closed(OpenSslConnection connection) {
		connection.context.connections.remove(connection.ssl, connection);
		if (connection.key != null) {
			connection.context.demand.closed(connection.key);
		}
		connection.closed();
		if (!connection.activated()) {
			// no channelInactive will follow to end the tracking
			TrackedConnections.unregister(connection.engine, connection);
		}
	}

	void connectionBroken(OpenSslConnection connection) {
		if (connection.handshakeDone()) {
			for (NativeSession session : connection.usedSessions()) {
				session.invalidate();
				if (!connection.context.index.remove(session, EvictionCause.INVALIDATED)
						&& connection.context.detached != null) {
					connection.context.detached.remove(session, EvictionCause.INVALIDATED);
				}
			}
		}
	}

	/**
	 * Keeps a new session of a connection whose handshake succeeded: in the index of the
	 * context that made it, or, with {@code no-internal-store}, among the sessions handed
	 * to the application's store. The store hears of it first, so that it hears of its
	 * removal after. Whatever fails, the session has one owner or is released.
	 */
	private void keep(OpenSslConnection connection, NativeSession session) {
		try {
			if (this.store != null) {
				this.store.onNewSession(session.key(), session);
			}
			SessionIndex<NativeSession> target = settings().storesInternally() ? connection.context.index
					: connection.context.detached;
			if (target == null) {
				counters().dropped();
				session.releaseOwned();
				return;
			}
			long now = System.nanoTime();
			// the cache's own sessions follow the upstream's demand; those handed to a
			// store keep the full bound
			SessionIndex.PutResult result = (target == connection.context.index)
					? target.put(session, now, connection.context.demand.depth(session.key(), now))
					: target.put(session, now);
			if (result.kept()) {
				if (target == connection.context.index) {
					counters().stored();
				}
				connection.used(session);
			}
			else if (this.store != null) {
				evicted(session,
						(result == SessionIndex.PutResult.EXPIRED) ? EvictionCause.EXPIRED : EvictionCause.FLUSHED);
			}
			else {
				session.releaseOwned();
			}
		}
		catch (Throwable ex) {
			session.releaseOwned();
			warn("could not keep a new session; it costs a full handshake", ex);
		}
	}

	/**
	 * BoringSSL calls this on the connection's thread for each new session (a TLS 1.3
	 * connection may receive several tickets, after the handshake). Returning
	 * {@code true} takes over BoringSSL's reference, and once it is taken this returns
	 * {@code true} whatever happens next: the reference then has exactly one owner here.
	 */
	private boolean sessionCreated(Context origin, long ssl, long pointer) {
		if (this.closed || !settings().reuse()) {
			return false;
		}
		OpenSslConnection connection = origin.connections.get(ssl);
		if (connection == null || connection.key == null || !connection.holdsSsl(ssl)) {
			return false;
		}
		NativeSession.Facts facts = NativeSession.Facts.read(name(), connection.key, pointer, connection.protocol(),
				connection.cipherSuite(), settings().timeout().toMillis());
		NativeSession session = NativeSession.adopt(facts, origin, this.nativeReferences, pointer,
				settings().singleUseTickets(), System.nanoTime());
		if (session == null) {
			// BoringSSL would never offer it (RFC 8446: a zero ticket lifetime means
			// discard it); it frees it
			counters().dropped();
			return false;
		}
		try {
			connection.sessionCreated(session, (created) -> keep(connection, created));
		}
		catch (Throwable ex) {
			session.releaseOwned();
			warn("could not keep a new session; it costs a full handshake", ex);
		}
		return true;
	}

	/**
	 * Logs without ever throwing: the paths that own a native reference must reach their
	 * release.
	 */
	private void warn(String message, Throwable ex) {
		try {
			logger.warn("Cache '" + name() + "' " + message, ex);
		}
		catch (Throwable ignored) {
			// nothing else to do
		}
	}

	/**
	 * One TLS configuration of the cache: Netty's OpenSSL client context, with the cache
	 * installed as its session-cache callback, the sessions made with it and its open
	 * connections.
	 */
	final class Context extends ForwardingSslContext implements SSLSessionCache {

		private final ReferenceCountedOpenSslContext inner;

		final SessionIndex<NativeSession> index;

		/**
		 * With {@code no-internal-store}: sessions handed to the store, kept (bounded)
		 * until it adds them.
		 */
		final @Nullable SessionIndex<NativeSession> detached;

		final Map<Long, OpenSslConnection> connections = new ConcurrentHashMap<>();

		/**
		 * The connections in flight per upstream, which set how many of its sessions the
		 * index keeps.
		 */
		final HostDemand demand;

		Context(ReferenceCountedOpenSslContext inner) {
			this.inner = inner;
			TlsSessionCacheSettings settings = settings();
			this.demand = new HostDemand(settings.maxSessionsPerHost());
			SessionIndex.EvictionListener<NativeSession> evicted = OpenSslTlsSessionCache.this::evicted;
			this.index = new SessionIndex<>(settings.maxSessions(), settings.maxSessionsPerHost(),
					settings.singleUseTickets(), evicted);
			this.detached = (settings.storesInternally() || OpenSslTlsSessionCache.this.store == null) ? null
					: new SessionIndex<>(settings.maxSessions(), settings.maxSessionsPerHost(),
							settings.singleUseTickets(), evicted);
		}

		/**
		 * Empties and closes the indexes and gives back the cache's reference to the
		 * native context.
		 */
		void retire(@Nullable EvictionCause cause) {
			this.index.close(cause);
			if (this.detached != null) {
				this.detached.close(cause);
			}
			this.inner.release();
		}

		/**
		 * Whether the native context is freed: retired, and its last connection gone.
		 */
		boolean released() {
			return this.inner.refCnt() == 0;
		}

		@Override
		protected SslContext target(@Nullable String host, int port) {
			return this.inner;
		}

		@Override
		protected SslHandler newHandler(SslContext target, ByteBufAllocator alloc, @Nullable String host, int port,
				@Nullable Executor executor) {
			if (!retainInner()) {
				// retired and freed since a router picked it: the cache's current context
				// makes the connection
				return super.newHandler(OpenSslTlsSessionCache.this.context, alloc, host, port, executor);
			}
			try {
				SslHandler handler = super.newHandler(target, alloc, host, port, executor);
				connect(this, handler);
				return handler;
			}
			finally {
				this.inner.release();
			}
		}

		private boolean retainInner() {
			try {
				this.inner.retain();
				return true;
			}
			catch (IllegalReferenceCountException ex) {
				return false;
			}
		}

		@Override
		public boolean sessionCreated(long ssl, long session) {
			try {
				return OpenSslTlsSessionCache.this.sessionCreated(this, ssl, session);
			}
			catch (Throwable ex) {
				// nothing was taken: sessionCreated returns true on every path once it
				// owns the reference
				warn("could not keep a new session; it costs a full handshake", ex);
				return false;
			}
		}

		@Override
		public long getSession(long ssl, byte[] sessionId) {
			return -1; // only called on servers
		}

	}

}
