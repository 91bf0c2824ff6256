package dev.tlssession.jdk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

import dev.tlssession.EvictionCause;
import dev.tlssession.HandshakeOutcome;
import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsProvider;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.cache.SessionId;
import dev.tlssession.cache.AbstractTlsSession;
import dev.tlssession.netty.AbstractTlsSessionCache;
import dev.tlssession.netty.ForwardingSslContext;
import dev.tlssession.netty.HandshakeFailures;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * A cache on the JDK: its own {@code SSLContext}, whose client session context gets the cache's size and timeout.
 * The JDK keys sessions by host and port, keeps up to 10 TLS 1.3 tickets per upstream, uses each once and drops a
 * session the server declines; it offers no way to add a session, so {@link #add} is not supported.
 */
public final class JdkTlsSessionCache extends AbstractTlsSessionCache {

	private final Map<SSLEngine, Connection> connections = new ConcurrentHashMap<>();

	private volatile TlsMaterial material;

	private volatile SslContext context;

	/**
	 * Creates a cache.
	 * @param name the cache name
	 * @param settings the settings
	 * @param material the TLS configuration
	 * @throws SSLException if the context cannot be built
	 */
	public JdkTlsSessionCache(String name, TlsSessionCacheSettings settings, TlsMaterial material)
			throws SSLException {
		super(name, TlsProvider.JDK, settings);
		this.material = material;
		this.context = newContext(material);
	}

	@Override
	public synchronized void rebuild(TlsMaterial material) throws SSLException {
		SslContext old = this.context;
		this.context = newContext(material);
		this.material = material;
		counters().evicted(EvictionCause.FLUSHED, invalidate(old.sessionContext(), (session) -> true));
	}

	private SslContext newContext(TlsMaterial material) throws SSLException {
		ResumptionDetectingTrustManager trustManager = new ResumptionDetectingTrustManager(material.trustManager(),
				this::resumed);
		SslContext inner = material.clientBuilder(trustManager)
			.sslProvider(SslProvider.JDK)
			.sessionCacheSize(settings().maxSessions())
			.sessionTimeout(settings().timeout().toSeconds())
			.build();
		return new Context(inner);
	}

	@Override
	public SslContext sslContext() {
		return this.context;
	}

	@Override
	public int size() {
		return offerable().size();
	}

	@Override
	public List<TlsSession> sessions() {
		List<TlsSession> sessions = new ArrayList<>();
		for (SSLSession session : offerable()) {
			sessions.add(new JdkSession(name(), session, settings().timeout().toMillis()));
		}
		return List.copyOf(sessions);
	}

	/**
	 * The valid sessions that have an upstream: the JDK also keeps sessions by id alone, which a client never
	 * offers.
	 */
	private List<SSLSession> offerable() {
		SSLSessionContext sessionContext = this.context.sessionContext();
		List<SSLSession> sessions = new ArrayList<>();
		for (byte[] id : Collections.list(sessionContext.getIds())) {
			SSLSession session = sessionContext.getSession(id);
			if (session != null && session.isValid() && keyOf(session) != null) {
				sessions.add(session);
			}
		}
		return sessions;
	}

	@Override
	public boolean add(TlsSession session) {
		throw new UnsupportedOperationException("Cache '" + name()
				+ "' cannot add sessions: the jdk provider has no API to insert a session; use provider openssl");
	}

	@Override
	public boolean remove(TlsSession session) {
		if (!(session instanceof JdkSession jdkSession) || !jdkSession.cache().equals(name())
				|| !jdkSession.session.isValid()) {
			return false;
		}
		// the JDK drops every ticket of the upstream with it
		jdkSession.session.invalidate();
		counters().evicted(EvictionCause.REMOVED, 1);
		return true;
	}

	@Override
	public int remove(String host, int port) {
		TlsSessionKey key = new TlsSessionKey(host, port);
		int removed = invalidate(this.context.sessionContext(), (session) -> key.equals(keyOf(session)));
		counters().evicted(EvictionCause.REMOVED, removed);
		return removed;
	}

	/**
	 * Removes every session by switching to a new context with an empty session cache. Invalidating the sessions
	 * the JDK lists is not enough: it offers sessions from a host:port index that is evicted apart from the by-id
	 * index {@code getIds()} lists (a TLS 1.3 upstream takes one by-id entry per ticket), so a session can stay
	 * offered after it has left the list.
	 * @return the number of listed sessions removed
	 */
	@Override
	public synchronized int flush() {
		SslContext old = this.context;
		try {
			this.context = newContext(this.material);
		}
		catch (SSLException ex) {
			throw new IllegalStateException("Cache '" + name() + "' could not be flushed", ex);
		}
		int removed = invalidate(old.sessionContext(), (session) -> true);
		counters().evicted(EvictionCause.FLUSHED, removed);
		return removed;
	}

	private static int invalidate(SSLSessionContext sessionContext, Predicate<SSLSession> filter) {
		int removed = 0;
		for (byte[] id : Collections.list(sessionContext.getIds())) {
			SSLSession session = sessionContext.getSession(id);
			if (session != null && session.isValid() && filter.test(session)) {
				session.invalidate();
				removed++;
			}
		}
		return removed;
	}

	private static @Nullable TlsSessionKey keyOf(SSLSession session) {
		String host = session.getPeerHost();
		int port = session.getPeerPort();
		return (host != null && !host.isEmpty() && port > 0 && port <= 65535) ? new TlsSessionKey(host, port) : null;
	}

	@Override
	public void connectionFailed(SSLEngine engine) {
		// the JDK drops every ticket of the upstream with the connection's session
		SSLSession session = engine.getSession();
		if (session.isValid() && keyOf(session) != null) {
			session.invalidate();
			counters().evicted(EvictionCause.INVALIDATED, 1);
		}
	}

	@Override
	public void handshakeStarting(SSLEngine engine) {
		Connection connection = this.connections.get(engine);
		if (connection != null) {
			connection.startNanos = System.nanoTime();
		}
	}

	private void resumed(SSLEngine engine) {
		Connection connection = this.connections.get(engine);
		if (connection != null) {
			connection.resumed = true;
		}
	}

	private void connect(SslHandler handler, @Nullable TlsSessionKey key) {
		SSLEngine engine = handler.engine();
		handler.setHandshakeTimeoutMillis(settings().handshakeTimeout().toMillis());
		Connection connection = new Connection(key);
		this.connections.put(engine, connection);
		handler.handshakeFuture().addListener((future) -> handshakeDone(engine, connection, future));
	}

	private void handshakeDone(SSLEngine engine, Connection connection, Future<?> future) {
		this.connections.remove(engine);
		if (future.isSuccess()) {
			recordHandshake(connection.key, connection.resumed ? HandshakeOutcome.RESUMED : HandshakeOutcome.FULL,
					engine.getSession().getProtocol(), connection.startNanos);
		}
		else if (HandshakeFailures.started(future.cause())) {
			recordHandshake(connection.key, HandshakeOutcome.FAILED, null, connection.startNanos);
		}
	}

	private static final class Connection {

		final @Nullable TlsSessionKey key;

		volatile long startNanos = System.nanoTime();

		volatile boolean resumed;

		Connection(@Nullable TlsSessionKey key) {
			this.key = key;
		}

	}

	/**
	 * The cache's context. With reuse off, engines get port -1: the JDK neither stores nor looks up sessions for an
	 * engine without a port, while the host name still drives SNI and certificate verification.
	 */
	private final class Context extends ForwardingSslContext {

		private final SslContext inner;

		Context(SslContext inner) {
			this.inner = inner;
		}

		@Override
		protected SslContext target(@Nullable String host, int port) {
			return this.inner;
		}

		@Override
		protected SslHandler newHandler(SslContext target, ByteBufAllocator alloc, @Nullable String host, int port,
				@Nullable Executor executor) {
			TlsSessionKey key = (host != null && port > 0 && port <= 65535) ? new TlsSessionKey(host, port) : null;
			SslHandler handler = super.newHandler(target, alloc, host, settings().reuse() ? port : -1, executor);
			connect(handler, key);
			return handler;
		}

	}

	/**
	 * A view of a JDK session.
	 */
	private static final class JdkSession extends AbstractTlsSession {

		private final SSLSession session;

		JdkSession(String cache, SSLSession session, long timeoutMillis) {
			super(cache, new TlsSessionKey(session.getPeerHost(), session.getPeerPort()), SessionId.of(session.getId()),
					session.getProtocol(), session.getCipherSuite(), Instant.ofEpochMilli(session.getCreationTime()),
					Instant.ofEpochMilli(session.getCreationTime() + timeoutMillis),
					"TLSv1.3".equals(session.getProtocol()));
			this.session = session;
		}

		@Override
		public boolean resumable() {
			return this.session.isValid() && Instant.now().isBefore(expires());
		}

	}

}
