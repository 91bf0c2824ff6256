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

package dev.tlssession.test;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslHandler;
import io.netty.internal.tcnative.SSL;
import org.jspecify.annotations.Nullable;

/**
 * Records the handshakes of a server's connections as the server saw them: whether each
 * resumed a session, its protocol, the SNI host name and the client certificate's
 * subject. {@link TlsUpstream} uses one; a test's own Netty server can too, by passing
 * each connection's {@link SslHandler} to {@link #record(SslHandler)}.
 * <p>
 * On OpenSSL (netty-tcnative) a handshake resumed when {@code SSL_session_reused} says
 * so; on the JDK when its session is older than the connection. The counts are exact; the
 * list keeps the most recent handshakes, up to a bound.
 *
 * @since 0.1.0
 */
public final class HandshakeRecorder {

	/** {@code SSL.getGroupName}, which older netty-tcnative versions lack. */
	private static final @Nullable MethodHandle GROUP_NAME = groupNameHandle();

	/**
	 * Handshakes kept by default.
	 */
	public static final int DEFAULT_RETAINED = 100_000;

	private final int retained;

	private final Deque<UpstreamHandshake> handshakes = new ArrayDeque<>();

	private final Deque<byte[]> sessionIds = new ArrayDeque<>();

	private long resumed;

	private long full;

	private long failed;

	/**
	 * Creates a recorder that keeps the last {@value #DEFAULT_RETAINED} handshakes.
	 */
	public HandshakeRecorder() {
		this(DEFAULT_RETAINED);
	}

	/**
	 * Creates a recorder.
	 * @param retained how many of the most recent handshakes to keep (the counts cover
	 * all of them)
	 */
	public HandshakeRecorder(int retained) {
		if (retained < 1) {
			throw new IllegalArgumentException("retained must be positive, was " + retained);
		}
		this.retained = retained;
	}

	/**
	 * Records the handshake of a new server connection once it ends. Call it when the
	 * connection is initialized, before its handshake starts.
	 * @param handler the connection's server-side handler
	 */
	public void record(SslHandler handler) {
		long startMillis = System.currentTimeMillis();
		handler.handshakeFuture().addListener((future) -> completed(handler.engine(), future.isSuccess(), startMillis));
	}

	private void completed(SSLEngine engine, boolean success, long startMillis) {
		if (!success) {
			synchronized (this) {
				this.failed++;
			}
			return;
		}
		SSLSession session = engine.getSession();
		boolean resumed;
		String serverName;
		String group = null;
		if (engine instanceof ReferenceCountedOpenSslEngine openSsl) {
			synchronized (openSsl) {
				long ssl = openSsl.sslPointer();
				resumed = ssl != 0 && SSL.isSessionReused(ssl);
				serverName = (ssl != 0) ? SSL.getSniHostname(ssl) : null;
				group = (ssl != 0) ? groupName(ssl) : null;
			}
		}
		else {
			resumed = session.getCreationTime() < startMillis;
			serverName = requestedServerName(session);
		}
		UpstreamHandshake handshake = new UpstreamHandshake(resumed, session.getProtocol(), serverName,
				clientSubject(session), group);
		byte[] id = session.getId();
		synchronized (this) {
			if (resumed) {
				this.resumed++;
			}
			else {
				this.full++;
			}
			add(this.handshakes, handshake);
			if (id != null && id.length > 0) {
				add(this.sessionIds, id);
			}
		}
	}

	private static @Nullable String groupName(long ssl) {
		if (GROUP_NAME == null) {
			return null;
		}
		try {
			return (String) GROUP_NAME.invokeExact(ssl);
		}
		catch (Throwable ex) {
			return null;
		}
	}

	private static @Nullable MethodHandle groupNameHandle() {
		try {
			return MethodHandles.publicLookup()
				.findStatic(SSL.class, "getGroupName", MethodType.methodType(String.class, long.class));
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

	private <T> void add(Deque<T> deque, T element) {
		if (deque.size() == this.retained) {
			deque.removeFirst();
		}
		deque.addLast(element);
	}

	private static @Nullable String requestedServerName(SSLSession session) {
		if (session instanceof ExtendedSSLSession extended) {
			for (SNIServerName name : extended.getRequestedServerNames()) {
				if (name instanceof SNIHostName host) {
					return host.getAsciiName();
				}
			}
		}
		return null;
	}

	/**
	 * The subject of the client certificate a session authenticated.
	 * @param session the server's session
	 * @return the subject, or {@code null} when the client presented no certificate
	 */
	static @Nullable String clientSubject(SSLSession session) {
		try {
			Certificate[] certificates = session.getPeerCertificates();
			return (certificates.length > 0 && certificates[0] instanceof X509Certificate certificate)
					? certificate.getSubjectX500Principal().getName() : null;
		}
		catch (SSLPeerUnverifiedException ex) {
			return null;
		}
	}

	/**
	 * The handshakes that completed, oldest first (at most the retained number).
	 * @return the handshakes
	 */
	public synchronized List<UpstreamHandshake> handshakes() {
		return List.copyOf(this.handshakes);
	}

	/**
	 * The most recent handshakes, oldest first.
	 * @param count how many at most
	 * @return the last {@code count} handshakes, or all of them when fewer completed
	 */
	public synchronized List<UpstreamHandshake> lastHandshakes(int count) {
		List<UpstreamHandshake> all = new ArrayList<>(this.handshakes);
		return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
	}

	/**
	 * The raw ids of the sessions of the handshakes that completed, for tests that check
	 * the ids appear nowhere else (a TLS 1.3 resumption has no id).
	 * @return the ids, oldest first
	 */
	public synchronized List<byte[]> sessionIds() {
		return List.copyOf(this.sessionIds);
	}

	/**
	 * The handshakes that resumed a session.
	 * @return the count
	 */
	public synchronized long resumed() {
		return this.resumed;
	}

	/**
	 * The full handshakes.
	 * @return the count
	 */
	public synchronized long full() {
		return this.full;
	}

	/**
	 * The handshakes that failed.
	 * @return the count
	 */
	public synchronized long failed() {
		return this.failed;
	}

	/**
	 * Forgets every handshake and count.
	 */
	public synchronized void reset() {
		this.handshakes.clear();
		this.sessionIds.clear();
		this.resumed = 0;
		this.full = 0;
		this.failed = 0;
	}

}
