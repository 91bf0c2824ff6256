package dev.tlssession.openssl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

import dev.tlssession.EvictionCause;
import dev.tlssession.HandshakeOutcome;
import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsProvider;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.TlsSessionStore;
import dev.tlssession.cache.GuardedStore;
import dev.tlssession.cache.SessionStore;
import dev.tlssession.netty.AbstractTlsSessionCache;
import dev.tlssession.netty.HandshakeFailures;
import io.netty.handler.ssl.DelegatingSslContext;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.internal.tcnative.SSL;
import io.netty.internal.tcnative.SSLSessionCache;
import io.netty.util.concurrent.Future;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * A cache on BoringSSL whose sessions live in the starter's own {@link SessionStore}.
 * <p>
 * BoringSSL hands every new client session to the store through tcnative's session-cache callback; the store keys
 * it by host and port, bounds and expires it, and offers one on each new connection with {@code SSL_set_session}
 * before the ClientHello is written. After the handshake, {@code SSL_session_reused} says whether the server took
 * it.
 */
public final class OpenSslTlsSessionCache extends AbstractTlsSessionCache {

	private static final InternalLogger logger = InternalLoggerFactory.getInstance(OpenSslTlsSessionCache.class);

	private final SessionStore<NativeSession> store;

	private final Map<Long, OpenSslConnection> connections = new ConcurrentHashMap<>();

	private final @Nullable GuardedStore sessionStore;

	private volatile Context context;

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
	 * @param sessionStore the application's store for this cache, or {@code null}
	 * @param storeTimeout how long a connection waits for the store's lookup at most
	 * @throws SSLException if the context cannot be built
	 */
	public OpenSslTlsSessionCache(String name, TlsSessionCacheSettings settings, TlsMaterial material,
			@Nullable TlsSessionStore sessionStore, Duration storeTimeout) throws SSLException {
		super(name, TlsProvider.OPENSSL, settings);
		this.store = new SessionStore<>(settings.maxSessions(), settings.maxSessionsPerHost(),
				settings.singleUseTickets(), this::evicted);
		this.sessionStore = (sessionStore != null)
				? new GuardedStore(sessionStore, storeTimeout, counters()::storeFailure) : null;
		this.context = newContext(material);
	}

	@Override
	public void rebuild(TlsMaterial material) throws SSLException {
		this.context = newContext(material);
		this.store.clear(EvictionCause.FLUSHED);
	}

	private Context newContext(TlsMaterial material) throws SSLException {
		SslContext inner = material.clientBuilder(material.trustManager()).sslProvider(SslProvider.OPENSSL).build();
		Context created = new Context(inner);
		OpenSslSupport.installSessionCache(inner, created);
		OpenSslSessionContext sessionContext = (OpenSslSessionContext) inner.sessionContext();
		// with only TLS 1.2 enabled, Netty's client sends no ticket extension unless ticket keys were set (with
		// TLS 1.3 enabled it clears SSL_OP_NO_TICKET per connection), and a tickets-only server never resumes
		sessionContext.setTicketKeys();
		sessionContext.setSessionTimeout((int) settings().timeout().toSeconds());
		return created;
	}

	@Override
	public SslContext sslContext() {
		return this.context;
	}

	@Override
	public int size() {
		return this.store.size();
	}

	@Override
	public List<TlsSession> sessions() {
		List<TlsSession> sessions = new ArrayList<>();
		for (NativeSession session : this.store.entries()) {
			sessions.add(session.expose());
		}
		return List.copyOf(sessions);
	}

	@Override
	public boolean add(TlsSession session) {
		NativeSession nativeSession = own(session);
		if (!nativeSession.resumable()) {
			return false;
		}
		return switch (this.store.put(nativeSession, System.nanoTime())) {
			case ADDED, REPLACED -> {
				counters().stored();
				yield true;
			}
			case IDENTICAL, EXPIRED -> false;
		};
	}

	@Override
	public boolean remove(TlsSession session) {
		if (!(session instanceof NativeSession nativeSession) || nativeSession.owner() != this.context) {
			return false;
		}
		nativeSession.invalidate();
		return this.store.remove(nativeSession, EvictionCause.REMOVED);
	}

	@Override
	public int remove(String host, int port) {
		return this.store.remove(new TlsSessionKey(host, port), EvictionCause.REMOVED);
	}

	@Override
	public int flush() {
		return this.store.clear(EvictionCause.FLUSHED);
	}

	private NativeSession own(TlsSession session) {
		if (!(session instanceof NativeSession nativeSession) || !nativeSession.cache().equals(name())) {
			throw new IllegalArgumentException("Session " + session + " cannot be added to cache '" + name()
					+ "': a session belongs to the cache, and so to the TLS configuration, that made it");
		}
		if (nativeSession.owner() != this.context) {
			throw new IllegalArgumentException("Session " + session + " cannot be added to cache '" + name()
					+ "': it was made before the cache was rebuilt with new TLS material");
		}
		return nativeSession;
	}

	private void evicted(NativeSession session, @Nullable EvictionCause cause) {
		if (cause != null) {
			counters().evicted(cause, 1);
			if (cause != EvictionCause.CAPACITY && cause != EvictionCause.EXPIRED) {
				session.invalidate();
			}
			if (this.sessionStore != null) {
				this.sessionStore.onRemoved(name(), session.key(), session.expose(), cause);
			}
		}
		session.releaseIfUnexposed();
	}

	private void connect(SslHandler handler) {
		if (!(handler.engine() instanceof ReferenceCountedOpenSslEngine engine)) {
			return;
		}
		handler.setHandshakeTimeoutMillis(settings().handshakeTimeout().toMillis());
		long ssl = engine.sslPointer();
		OpenSslConnection connection = new OpenSslConnection(engine, ssl, keyOf(engine), this.context,
				settings().maxSessionsPerHost());
		this.connections.put(ssl, connection);
		offer(connection);
		handler.handshakeFuture().addListener((future) -> handshakeDone(connection, future));
		handler.sslCloseFuture().addListener((future) -> closed(connection));
	}

	/**
	 * Offers a session, before the handshake starts ({@code SSL_set_session} after the ClientHello has been written
	 * aborts the process): the newest usable one in the cache unless {@code no-internal-lookup}, else the one the
	 * application's store chooses, as OpenSSL consults its external cache only when the internal lookup misses.
	 */
	private void offer(OpenSslConnection connection) {
		TlsSessionKey key = connection.key;
		if (key == null || !settings().reuse()) {
			return;
		}
		NativeSession session = settings().looksUpInternally()
				? this.store.take(key, System.nanoTime(), NativeSession::retain) : null;
		if (session == null && this.sessionStore != null) {
			session = fromStore(key, this.sessionStore.lookup(name(), key));
		}
		if (session != null) {
			try {
				if (SSL.setSession(connection.ssl, session.pointer())) {
					connection.offered(session);
				}
			}
			finally {
				session.releaseRetained();
			}
		}
	}

	/**
	 * Checks a session the application's store chose: it must come from this cache and its current TLS material,
	 * be for this upstream and still be resumable.
	 * @return the session with an extra native reference, or {@code null}
	 */
	private @Nullable NativeSession fromStore(TlsSessionKey key, @Nullable TlsSession chosen) {
		if (chosen == null) {
			return null;
		}
		String problem = null;
		if (!(chosen instanceof NativeSession session) || !session.cache().equals(name())) {
			problem = "it returned a session of another cache";
		}
		else if (session.owner() != this.context) {
			problem = "it returned a session made before the cache was rebuilt";
		}
		else if (!session.key().equals(key)) {
			problem = "it returned a session of another upstream";
		}
		else if (session.resumable() && session.retain()) {
			return session;
		}
		else {
			problem = "it returned a session that is no longer resumable";
		}
		this.sessionStore.rejected(name(), problem);
		return null;
	}

	private void handshakeDone(OpenSslConnection connection, Future<?> future) {
		NativeSession offered = connection.offered();
		if (!future.isSuccess()) {
			connection.releasePending();
			if (HandshakeFailures.started(future.cause())) {
				recordHandshake(connection.key, HandshakeOutcome.FAILED, null, connection.startNanos);
			}
			if (offered != null) {
				// a resumption attempt that ended in an alert: the session must not be offered again
				this.store.remove(offered, EvictionCause.INVALIDATED);
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
				this.store.remove(offered, EvictionCause.REJECTED);
			}
		}
		connection.handshakeSucceeded((session) -> keep(connection, session));
	}

	private void closed(OpenSslConnection connection) {
		this.connections.remove(connection.ssl, connection);
		connection.releasePending();
	}

	@Override
	public void handshakeStarting(SSLEngine engine) {
		OpenSslConnection connection = connection(engine);
		if (connection != null) {
			connection.startNanos = System.nanoTime();
		}
	}

	private @Nullable OpenSslConnection connection(SSLEngine engine) {
		if (engine instanceof ReferenceCountedOpenSslEngine openSslEngine) {
			OpenSslConnection connection = this.connections.get(openSslEngine.sslPointer());
			return (connection != null && connection.engine == engine) ? connection : null;
		}
		return null;
	}

	@Override
	public void connectionFailed(SSLEngine engine) {
		OpenSslConnection connection = connection(engine);
		if (connection != null && connection.handshakeDone()) {
			for (NativeSession session : connection.usedSessions()) {
				this.store.remove(session, EvictionCause.INVALIDATED);
			}
		}
	}

	private void keep(OpenSslConnection connection, NativeSession session) {
		if (connection.context != this.context) {
			session.releaseIfUnexposed();
			return;
		}
		if (this.sessionStore != null) {
			this.sessionStore.onNewSession(name(), session.key(), session.expose());
		}
		if (!settings().storesInternally()) {
			if (this.sessionStore == null) {
				counters().dropped();
			}
			session.releaseIfUnexposed();
			return;
		}
		switch (this.store.put(session, System.nanoTime())) {
			case ADDED, REPLACED -> {
				counters().stored();
				connection.used(session);
			}
			case IDENTICAL -> {
			}
			case EXPIRED -> session.releaseIfUnexposed();
		}
	}

	/**
	 * BoringSSL calls this on the connection's thread for each new session (a TLS 1.3 connection may receive
	 * several tickets, after the handshake). Returning {@code true} takes over BoringSSL's reference.
	 */
	private boolean sessionCreated(Context origin, long ssl, long sessionPointer) {
		OpenSslConnection connection = this.connections.get(ssl);
		if (connection == null || connection.key == null || connection.context != origin || !settings().reuse()) {
			return false;
		}
		NativeSession session = new NativeSession(name(), origin, sessionPointer, connection.key,
				SSL.getVersion(ssl), SSL.getCipherForSSL(ssl), settings().timeout().toMillis(), System.nanoTime());
		connection.sessionCreated(session, (created) -> keep(connection, created));
		return true;
	}

	/**
	 * The cache's context: Netty's OpenSSL client context with the starter's store installed as its session-cache
	 * callback.
	 */
	private final class Context extends DelegatingSslContext implements SSLSessionCache {

		Context(SslContext inner) {
			super(inner);
		}

		@Override
		protected void initEngine(SSLEngine engine) {
			// Engines without a handler are not tracked: the cache cannot see their handshakes or their end.
		}

		@Override
		protected void initHandler(SslHandler handler) {
			connect(handler);
		}

		@Override
		public boolean sessionCreated(long ssl, long session) {
			try {
				return OpenSslTlsSessionCache.this.sessionCreated(this, ssl, session);
			}
			catch (Throwable ex) {
				logger.warn("Cache '{}' could not keep a new session; it costs a full handshake", name(), ex);
				return false;
			}
		}

		@Override
		public long getSession(long ssl, byte[] sessionId) {
			return -1; // only called on servers
		}

	}

}
