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

package dev.tlssession.jdk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.X509ExtendedTrustManager;

import dev.tlssession.EvictionCause;
import dev.tlssession.HandshakeOutcome;
import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsProvider;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionConfigurationException;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.cache.AbstractTlsSession;
import dev.tlssession.cache.AbstractTlsSessionCache;
import dev.tlssession.index.SessionId;
import dev.tlssession.netty.ConnectionEnd;
import dev.tlssession.netty.ForwardingSslContext;
import dev.tlssession.netty.HandshakeFailures;
import dev.tlssession.netty.TrackedConnection;
import dev.tlssession.netty.TrackedConnections;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * A cache on the JDK: its own {@code SSLContext}, whose client session context gets the
 * cache's size and timeout. The JDK keys sessions by host and port, uses each TLS 1.3
 * ticket once and drops a session the server declines; it offers no way to add a session,
 * so {@link #add} is not supported. It keeps few tickets per host and port (one, or up to
 * ten since JDK-8328608), so the cache spreads the connections of an upstream over
 * {@link TicketLanes lanes}, each a host and port of its own to the JDK, within
 * {@code max-sessions-per-host}.
 *
 * @since 0.1.0
 */
public final class JdkTlsSessionCache extends AbstractTlsSessionCache {

	private final Map<SSLEngine, Connection> handshaking = new ConcurrentHashMap<>();

	private volatile TlsMaterial material;

	/** Loaded once per material: a flush must not reload the JVM's trust store. */
	private volatile X509ExtendedTrustManager trustManager;

	private volatile Context context;

	/**
	 * Creates a cache.
	 * @param name the cache name
	 * @param settings the settings
	 * @param material the TLS configuration
	 * @throws SSLException if the context cannot be built
	 */
	public JdkTlsSessionCache(String name, TlsSessionCacheSettings settings, TlsMaterial material) throws SSLException {
		super(name, TlsProvider.JDK, settings);
		this.material = material;
		this.trustManager = material.trustManager();
		this.context = newContext(material, this.trustManager);
	}

	@Override
	public synchronized void rebuild(TlsMaterial material) throws SSLException {
		X509ExtendedTrustManager trustManager = material.trustManager();
		Context old = this.context;
		this.context = newContext(material, trustManager);
		this.material = material;
		this.trustManager = trustManager;
		counters().evicted(EvictionCause.FLUSHED, invalidate(old.sessionContext(), (session) -> true));
	}

	@Override
	public synchronized void close() {
		invalidate(this.context.sessionContext(), (session) -> true);
	}

	private Context newContext(TlsMaterial material, X509ExtendedTrustManager trust) throws SSLException {
		ResumptionDetectingTrustManager trustManager = new ResumptionDetectingTrustManager(trust, this::resumed);
		SslContext inner = material.clientBuilder(trustManager)
			.sslProvider(SslProvider.JDK)
			.sessionCacheSize(settings().maxSessions())
			.sessionTimeout(settings().timeout().toSeconds())
			.build();
		return new Context(inner, new TicketLanes(settings().maxSessionsPerHost(), settings().maxSessions()),
				groups(inner));
	}

	/**
	 * Whether this JVM lets the jdk provider choose key-exchange groups per cache.
	 * @return {@code true} on Java 20 and later ({@code SSLParameters.setNamedGroups})
	 */
	public static boolean supportsKeyExchangeGroups() {
		return JdkNamedGroups.available();
	}

	/**
	 * The groups the cache's engines are limited to, checked against what the context
	 * supports.
	 */
	private String @Nullable [] groups(SslContext inner) {
		List<String> groups = settings().keyExchangeGroups();
		if (groups.isEmpty()) {
			return null;
		}
		if (!JdkNamedGroups.available()) {
			throw new TlsSessionConfigurationException(null, "key-exchange-groups", groups,
					"the jdk provider can choose key-exchange groups per cache only on Java 20 or later "
							+ "(SSLParameters.setNamedGroups); this JVM is Java " + Runtime.version().feature(),
					"remove the setting, run on Java 20 or later, or set tls.session.provider=openssl");
		}
		List<String> supported = JdkNamedGroups
			.supported(((JdkSslContext) inner).context().getSupportedSSLParameters());
		for (String group : groups) {
			if (!supported.isEmpty() && !supported.contains(group)) {
				throw new TlsSessionConfigurationException(null, "key-exchange-groups", group,
						"the JDK (Java " + Runtime.version().feature() + ") does not offer this group; it offers "
								+ supported,
						"list groups the JDK offers, such as [x25519], or set tls.session.provider=openssl");
			}
		}
		return groups.toArray(String[]::new);
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
	 * The valid sessions that have an upstream: the JDK also keeps sessions by id alone,
	 * which a client never offers.
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

	/**
	 * Removes a session and, as the JDK offers none of them any more once one is
	 * invalidated, every other session of its upstream; each is counted.
	 */
	@Override
	public boolean remove(TlsSession session) {
		if (!(session instanceof JdkSession jdkSession) || !jdkSession.cache().equals(name())
				|| !jdkSession.session.isValid()) {
			return false;
		}
		removeUpstream(jdkSession.key(), EvictionCause.REMOVED);
		if (jdkSession.session.isValid()) {
			jdkSession.session.invalidate();
			counters().evicted(EvictionCause.REMOVED, 1);
		}
		return true;
	}

	@Override
	public int remove(String host, int port) {
		return removeUpstream(new TlsSessionKey(host, port), EvictionCause.REMOVED);
	}

	private int removeUpstream(TlsSessionKey key, EvictionCause cause) {
		Context current = this.context;
		int removed = invalidate(current.sessionContext(), (session) -> key.equals(keyOf(session)));
		current.lanes.forget(key);
		counters().evicted(cause, removed);
		return removed;
	}

	/**
	 * Removes every session by switching to a new context with an empty session cache.
	 * Invalidating the sessions the JDK lists is not enough: it offers sessions from a
	 * host:port index that is evicted apart from the by-id index {@code getIds()} lists
	 * (a TLS 1.3 upstream takes one by-id entry per ticket), so a session can stay
	 * offered after it has left the list.
	 * @return the number of listed sessions removed
	 */
	@Override
	public synchronized int flush() {
		Context old = this.context;
		try {
			this.context = newContext(this.material, this.trustManager);
		}
		catch (SSLException ex) {
			throw new IllegalStateException("Cache '" + name() + "' could not be flushed", ex);
		}
		int removed = invalidate(old.sessionContext(), (session) -> true);
		counters().evicted(EvictionCause.FLUSHED, removed);
		return removed;
	}

	/**
	 * Invalidates the listed valid sessions that match, counted before any is
	 * invalidated: the JDK invalidates a TLS 1.3 connection's ticket sessions with it, so
	 * some would no longer look valid when their turn came.
	 */
	private static int invalidate(SSLSessionContext sessionContext, Predicate<SSLSession> filter) {
		List<SSLSession> matching = new ArrayList<>();
		for (byte[] id : Collections.list(sessionContext.getIds())) {
			SSLSession session = sessionContext.getSession(id);
			if (session != null && session.isValid() && filter.test(session)) {
				matching.add(session);
			}
		}
		matching.forEach(SSLSession::invalidate);
		return matching.size();
	}

	/**
	 * The upstream of a session, whatever lane it was made on.
	 */
	private static @Nullable TlsSessionKey keyOf(SSLSession session) {
		String host = session.getPeerHost();
		int port = TicketLanes.upstreamPort(session.getPeerPort());
		return (host != null && !host.isEmpty() && port > 0 && port <= 65535) ? new TlsSessionKey(host, port) : null;
	}

	/**
	 * A connection broke: the JDK offers none of its upstream's sessions once the
	 * connection's own is invalidated, so all of them leave, each counted.
	 */
	private void connectionBroken(SSLEngine engine) {
		SSLSession session = engine.getSession();
		TlsSessionKey key = keyOf(session);
		if (session.isValid() && key != null) {
			removeUpstream(key, EvictionCause.INVALIDATED);
			// a TLS 1.3 connection's own session is not a listed one: it leaves uncounted
			session.invalidate();
		}
	}

	private void resumed(SSLEngine engine) {
		Connection connection = this.handshaking.get(engine);
		if (connection != null) {
			connection.resumed = true;
		}
	}

	private void connect(SslHandler handler, @Nullable TlsSessionKey key, @Nullable TicketLanes lanes, int lane) {
		SSLEngine engine = handler.engine();
		handler.setHandshakeTimeoutMillis(settings().handshakeTimeout().toMillis());
		Connection connection = new Connection(engine, key, lanes, lane);
		this.handshaking.put(engine, connection);
		TrackedConnections.register(engine, connection);
		handler.handshakeFuture().addListener((future) -> handshakeDone(engine, connection, future));
		handler.sslCloseFuture().addListener((future) -> {
			// a close_notify from the server comes after everything it sent, tickets
			// included
			connection.leaveLane(future.isSuccess() && connection.tls13);
			if (!connection.activated) {
				// no channelInactive will follow to end the tracking
				TrackedConnections.unregister(engine, connection);
			}
		});
	}

	private void handshakeDone(SSLEngine engine, Connection connection, Future<?> future) {
		this.handshaking.remove(engine);
		if (future.isSuccess()) {
			String protocol = engine.getSession().getProtocol();
			recordHandshake(connection.key, connection.resumed ? HandshakeOutcome.RESUMED : HandshakeOutcome.FULL,
					protocol, connection.startNanos);
			connection.handshakeSucceeded("TLSv1.3".equals(protocol));
		}
		else {
			connection.leaveLane(false);
			if (HandshakeFailures.started(future.cause())) {
				recordHandshake(connection.key, HandshakeOutcome.FAILED, null, connection.startNanos);
			}
		}
	}

	/**
	 * A connection of this cache, whatever host and port its engine reports (on a lane,
	 * or -1 with reuse off). Confined to the connection's event loop, apart from
	 * {@link #resumed}.
	 */
	private final class Connection implements TrackedConnection {

		final SSLEngine engine;

		final @Nullable TlsSessionKey key;

		private final @Nullable TicketLanes lanes;

		private final int lane;

		volatile long startNanos = System.nanoTime();

		volatile boolean resumed;

		/**
		 * The handshake agreed TLS 1.3: the connection leaves a ticket in its lane once
		 * the server's data came.
		 */
		boolean tls13;

		private boolean inLane;

		private final ConnectionEnd end = new ConnectionEnd();

		private volatile boolean activated;

		Connection(SSLEngine engine, @Nullable TlsSessionKey key, @Nullable TicketLanes lanes, int lane) {
			this.engine = engine;
			this.key = key;
			this.lanes = lanes;
			this.lane = lane;
			this.inLane = lanes != null;
		}

		/**
		 * A TLS 1.2 session can be resumed by any number of connections at once: its lane
		 * is free again now. A TLS 1.3 connection stays in its lane until its tickets
		 * have come.
		 */
		void handshakeSucceeded(boolean tls13) {
			this.tls13 = tls13;
			if (!tls13 && this.inLane) {
				this.inLane = false;
				this.lanes.release(this.key, this.lane, TicketLanes.Release.REUSABLE);
			}
		}

		/**
		 * The connection no longer counts in its lane.
		 * @param ticket whether it received its tickets
		 */
		void leaveLane(boolean ticket) {
			if (this.inLane) {
				this.inLane = false;
				this.lanes.release(this.key, this.lane,
						ticket ? TicketLanes.Release.TICKET : TicketLanes.Release.NOTHING);
			}
		}

		@Override
		public void received() {
			if (this.tls13) {
				leaveLane(true);
			}
		}

		@Override
		public long handshakeTimeoutMillis() {
			return settings().handshakeTimeout().toMillis();
		}

		@Override
		public void prepare(EventLoop eventLoop) {
			// the JDK chooses its session itself, when the handshake starts
		}

		@Override
		public void activate(Runnable start) {
			this.activated = true;
			this.startNanos = System.nanoTime();
			start.run();
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
			// the JDK's engine reports its failures as exceptions
			this.end.closing(false);
		}

		@Override
		public void inactive() {
			if (this.end.broke(false)) {
				broken();
			}
			leaveLane(false);
			TrackedConnections.unregister(this.engine, this);
		}

		@Override
		public void broken() {
			connectionBroken(this.engine);
		}

	}

	/**
	 * The cache's context: Netty's JDK context and the lanes of its session cache. Each
	 * engine gets the port of its lane; with reuse off, port -1: the JDK neither stores
	 * nor looks up sessions for an engine without a port, while the host name still
	 * drives SNI and certificate verification.
	 */
	private final class Context extends ForwardingSslContext {

		private final SslContext inner;

		final TicketLanes lanes;

		private final String @Nullable [] groups;

		Context(SslContext inner, TicketLanes lanes, String @Nullable [] groups) {
			this.inner = inner;
			this.lanes = lanes;
			this.groups = groups;
		}

		@Override
		protected SslContext target(@Nullable String host, int port) {
			return this.inner;
		}

		@Override
		protected SslHandler newHandler(SslContext target, ByteBufAllocator alloc, @Nullable String host, int port,
				@Nullable Executor executor) {
			TlsSessionKey key = (host != null && port > 0 && port <= 65535) ? new TlsSessionKey(host, port) : null;
			if (!settings().reuse()) {
				SslHandler handler = handler(target, alloc, host, -1, executor);
				connect(handler, key, null, 0);
				return handler;
			}
			int lane = (key != null) ? this.lanes.acquire(key) : 0;
			SslHandler handler;
			try {
				handler = handler(target, alloc, host, (key != null) ? TicketLanes.port(port, lane) : port, executor);
			}
			catch (RuntimeException | Error ex) {
				if (key != null) {
					this.lanes.release(key, lane, TicketLanes.Release.NOTHING);
				}
				throw ex;
			}
			connect(handler, key, (key != null) ? this.lanes : null, lane);
			return handler;
		}

		private SslHandler handler(SslContext target, ByteBufAllocator alloc, @Nullable String host, int port,
				@Nullable Executor executor) {
			SslHandler handler = super.newHandler(target, alloc, host, port, executor);
			if (this.groups != null) {
				JdkNamedGroups.apply(handler.engine(), this.groups);
			}
			return handler;
		}

	}

	/**
	 * A view of a JDK session.
	 */
	private static final class JdkSession extends AbstractTlsSession {

		private final SSLSession session;

		JdkSession(String cache, SSLSession session, long timeoutMillis) {
			super(cache, new TlsSessionKey(session.getPeerHost(), TicketLanes.upstreamPort(session.getPeerPort())),
					SessionId.of(session.getId()), session.getProtocol(), session.getCipherSuite(),
					Instant.ofEpochMilli(session.getCreationTime()),
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
