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

package dev.tlssession.testsupport;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSslServerSessionContext;
import io.netty.handler.ssl.OpenSslSessionTicketKey;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.internal.tcnative.SSL;
import io.netty.pkitesting.X509Bundle;
import io.netty.util.ReferenceCountUtil;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

/**
 * An HTTPS server on 127.0.0.1 backed by BoringSSL that records, for every handshake,
 * whether it resumed a session: the server's view, to check the client's against.
 */
public final class TlsTestServer implements AutoCloseable {

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * How the server lets clients resume.
	 */
	public enum Mode {

		/** TLS 1.3 only, with session tickets. */
		TLS13,

		/** TLS 1.2 only, with a server-side session cache and no tickets. */
		TLS12_SESSION_IDS,

		/** TLS 1.2 only, with tickets and no server-side session cache. */
		TLS12_TICKETS

	}

	/**
	 * A handshake as the server saw it.
	 *
	 * @param resumed whether it resumed a session
	 * @param protocol the protocol
	 * @param serverName the SNI host name the client sent
	 * @param clientSubject the client certificate's subject, or {@code null}
	 */
	public record Handshake(boolean resumed, String protocol, String serverName, String clientSubject) {
	}

	private final Mode mode;

	private final SslContext sslContext;

	private final DisposableServer server;

	private final List<Handshake> handshakes = new ArrayList<>();

	private final List<byte[]> sessionIds = new ArrayList<>();

	private int failedHandshakes;

	private volatile boolean resetAfterResponse;

	private volatile boolean alertMidResponse;

	private final AtomicInteger alertsSent = new AtomicInteger();

	private volatile boolean breakHandshakes;

	private volatile boolean echoClientIdentity;

	private TlsTestServer(Mode mode, X509Bundle certificate, X509Bundle clientTrust, boolean keepAlive,
			SslProvider provider, int port) throws Exception {
		this.mode = mode;
		SslContextBuilder builder = SslContextBuilder
			.forServer(certificate.getKeyPair().getPrivate(), certificate.getCertificatePath())
			.sslProvider(provider)
			.protocols((mode == Mode.TLS13) ? "TLSv1.3" : "TLSv1.2");
		if (clientTrust != null) {
			builder.trustManager(clientTrust.getRootCertificate()).clientAuth(ClientAuth.REQUIRE);
		}
		this.sslContext = builder.build();
		if (provider != SslProvider.JDK) {
			OpenSslServerSessionContext sessions = (OpenSslServerSessionContext) this.sslContext.sessionContext();
			if (mode == Mode.TLS12_TICKETS) {
				sessions.setSessionCacheEnabled(false);
			}
			if (mode != Mode.TLS12_SESSION_IDS) {
				rotateTicketKeys();
			}
		}
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.secure((spec) -> spec.sslContext(this.sslContext))
			.doOnChannelInit((observer, channel, address) -> {
				SslHandler handler = channel.pipeline().get(SslHandler.class);
				long start = System.currentTimeMillis();
				handler.handshakeFuture().addListener((future) -> recordHandshake(handler, future.isSuccess(), start));
				if (this.breakHandshakes) {
					channel.pipeline().addFirst(new HandshakeBreaker());
				}
			})
			.handle((request, response) -> {
				if (!keepAlive) {
					response.keepAlive(false);
				}
				if (this.resetAfterResponse) {
					// an abortive close after the response: a TCP reset, no close_notify
					response.withConnection((connection) -> {
						Channel channel = connection.channel();
						channel.eventLoop().schedule(() -> abort(channel), 50, TimeUnit.MILLISECONDS);
					});
				}
				if (this.alertMidResponse) {
					// part of the body, then a fatal alert record where the client
					// expects encrypted data
					response.withConnection((connection) -> {
						Channel channel = connection.channel();
						channel.eventLoop().schedule(() -> sendFatalAlert(channel), 50, TimeUnit.MILLISECONDS);
					});
					return response.sendString(Flux.just("o").concatWith(Mono.never()));
				}
				if (this.echoClientIdentity) {
					return response.sendString(Mono.just(clientIdentity(request)));
				}
				return response.sendString(Mono.just("ok"));
			})
			.bindNow(Duration.ofSeconds(10));
	}

	/**
	 * Starts a server with the default test certificate.
	 * @param mode how clients resume
	 * @return the server
	 */
	public static TlsTestServer start(Mode mode) {
		return start(mode, TestPki.get().server(), null, false);
	}

	/**
	 * Starts a server.
	 * @param mode how clients resume
	 * @param certificate the server's certificate and key
	 * @param clientTrust the authority client certificates must come from, or
	 * {@code null} for no client auth
	 * @param keepAlive whether connections stay open after a response
	 * @return the server
	 */
	public static TlsTestServer start(Mode mode, X509Bundle certificate, X509Bundle clientTrust, boolean keepAlive) {
		try {
			return new TlsTestServer(mode, certificate, clientTrust, keepAlive, SslProvider.OPENSSL, 0);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts a server on the port of one that was closed, like a restarted upstream: new
	 * certificate, new ticket keys, empty session cache.
	 * @param mode how clients resume
	 * @param certificate the server's certificate and key
	 * @param port the port
	 * @return the server
	 */
	public static TlsTestServer restart(Mode mode, X509Bundle certificate, int port) {
		try {
			return new TlsTestServer(mode, certificate, null, false, SslProvider.OPENSSL, port);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts a server on the JDK's TLS stack, which gives TLS 1.3 tickets the server's
	 * session timeout as their lifetime (BoringSSL does not). A handshake counts as
	 * resumed when its session is older than the connection.
	 * @param mode how clients resume; only {@link Mode#TLS13} and
	 * {@link Mode#TLS12_SESSION_IDS} are meaningful
	 * @return the server
	 */
	public static TlsTestServer startJdk(Mode mode) {
		try {
			return new TlsTestServer(mode, TestPki.get().server(), null, false, SslProvider.JDK, 0);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void recordHandshake(SslHandler handler, boolean success, long startMillis) {
		if (!success) {
			synchronized (this) {
				this.failedHandshakes++;
			}
			return;
		}
		SSLSession session = handler.engine().getSession();
		boolean resumed;
		String serverName = null;
		if (handler.engine() instanceof ReferenceCountedOpenSslEngine engine) {
			synchronized (engine) {
				resumed = SSL.isSessionReused(engine.sslPointer());
				serverName = SSL.getSniHostname(engine.sslPointer());
			}
		}
		else {
			resumed = session.getCreationTime() < startMillis;
		}
		String clientSubject = null;
		try {
			clientSubject = ((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName();
		}
		catch (SSLPeerUnverifiedException ex) {
			// no client certificate
		}
		synchronized (this) {
			this.handshakes.add(new Handshake(resumed, session.getProtocol(), serverName, clientSubject));
			if (session.getId().length > 0) {
				this.sessionIds.add(session.getId());
			}
		}
	}

	/**
	 * Replaces the ticket keys: tickets issued so far can no longer be resumed.
	 */
	public void rotateTicketKeys() {
		byte[] name = new byte[16];
		byte[] hmac = new byte[16];
		byte[] aes = new byte[16];
		RANDOM.nextBytes(name);
		RANDOM.nextBytes(hmac);
		RANDOM.nextBytes(aes);
		((OpenSslServerSessionContext) this.sslContext.sessionContext())
			.setTicketKeys(new OpenSslSessionTicketKey(name, hmac, aes));
	}

	/**
	 * Forgets every session: new ticket keys and an empty session cache.
	 */
	public void forgetSessions() {
		OpenSslServerSessionContext sessions = (OpenSslServerSessionContext) this.sslContext.sessionContext();
		if (this.mode == Mode.TLS12_SESSION_IDS) {
			sessions.setSessionCacheEnabled(false);
			sessions.setSessionCacheEnabled(true);
		}
		else {
			rotateTicketKeys();
		}
	}

	/**
	 * Makes the server reset each connection shortly after its response instead of
	 * closing it with close_notify.
	 * @param reset whether to reset
	 */
	public void resetConnectionsAfterResponse(boolean reset) {
		this.resetAfterResponse = reset;
	}

	/**
	 * Makes the server send part of each response and then a fatal alert, after the
	 * handshake, instead of finishing the response or closing in order.
	 * @param alert whether to send it
	 */
	public void alertMidResponse(boolean alert) {
		this.alertMidResponse = alert;
	}

	/**
	 * Makes the server break the handshakes of new connections after its first record
	 * (the ServerHello, which already says whether the offered session is resumed): the
	 * client receives garbage in the middle of the handshake and fails it with an alert.
	 * @param broken whether to break them
	 */
	public void breakHandshakes(boolean broken) {
		this.breakHandshakes = broken;
	}

	/**
	 * Makes the server answer each request with the subject of the client certificate its
	 * TLS session authenticated, and whether the session was resumed:
	 * {@code subject|resumed}.
	 * @param echo whether to answer so
	 */
	public void echoClientIdentity(boolean echo) {
		this.echoClientIdentity = echo;
	}

	private static String clientIdentity(HttpServerRequest request) {
		String[] identity = new String[] { "none|false" };
		request.withConnection((connection) -> {
			SslHandler handler = connection.channel().pipeline().get(SslHandler.class);
			SSLSession session = handler.engine().getSession();
			boolean resumed;
			synchronized (handler.engine()) {
				resumed = SSL.isSessionReused(((ReferenceCountedOpenSslEngine) handler.engine()).sslPointer());
			}
			try {
				identity[0] = ((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName()
						+ "|" + resumed;
			}
			catch (SSLPeerUnverifiedException ex) {
				identity[0] = "none|" + resumed;
			}
		});
		return identity[0];
	}

	private void sendFatalAlert(Channel channel) {
		SslHandler handler = channel.pipeline().get(SslHandler.class);
		if (handler != null && channel.isActive()) {
			// level fatal (2), internal_error (80), in a plaintext alert record
			channel.pipeline()
				.context(handler)
				.writeAndFlush(Unpooled.wrappedBuffer(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x50 }))
				.addListener((future) -> this.alertsSent.incrementAndGet());
		}
	}

	/**
	 * The fatal alerts sent in responses so far.
	 * @return the count
	 */
	public int alertsSent() {
		return this.alertsSent.get();
	}

	/**
	 * Passes on the first TLS record the server writes, then a record of garbage instead
	 * of the rest.
	 */
	private static final class HandshakeBreaker extends ChannelOutboundHandlerAdapter {

		private boolean broken;

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
			if (this.broken || !(msg instanceof ByteBuf buffer) || buffer.readableBytes() < 5) {
				ReferenceCountUtil.release(msg);
				promise.setSuccess();
				return;
			}
			this.broken = true;
			int first = Math.min(buffer.readableBytes(), 5 + buffer.getUnsignedShort(buffer.readerIndex() + 3));
			ByteBuf record = buffer.readRetainedSlice(first);
			buffer.release();
			ctx.write(record);
			ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] { 0x17, 0x03, 0x03, 0x00, 0x04, 1, 2, 3, 4 }), promise);
		}

	}

	private static void abort(Channel channel) {
		channel.config().setOption(ChannelOption.SO_LINGER, 0);
		channel.unsafe().close(channel.voidPromise());
	}

	/**
	 * Sets the lifetime the server gives its sessions and tickets.
	 * @param seconds the lifetime
	 */
	public void sessionTimeout(int seconds) {
		this.sslContext.sessionContext().setSessionTimeout(seconds);
	}

	public int port() {
		return this.server.port();
	}

	/**
	 * The URL of a host name that resolves to this server in tests.
	 * @param host a name from {@link TestPki#HOSTS}
	 * @return the URL
	 */
	public String url(String host) {
		return "https://" + host + ":" + port() + "/";
	}

	public synchronized List<Handshake> handshakes() {
		return List.copyOf(this.handshakes);
	}

	/**
	 * The ids of the sessions the server saw, for checking that they appear nowhere else.
	 * @return the raw ids
	 */
	public synchronized List<byte[]> sessionIds() {
		return List.copyOf(this.sessionIds);
	}

	public synchronized long resumed() {
		return count(Handshake::resumed);
	}

	public synchronized long full() {
		return count((handshake) -> !handshake.resumed());
	}

	public synchronized int failedHandshakes() {
		return this.failedHandshakes;
	}

	private long count(Predicate<Handshake> filter) {
		return this.handshakes.stream().filter(filter).count();
	}

	/**
	 * Forgets the recorded handshakes.
	 */
	public synchronized void resetCounts() {
		this.handshakes.clear();
		this.failedHandshakes = 0;
	}

	@Override
	public void close() {
		ServerCounts.record(resumed(), full());
		this.server.disposeNow(Duration.ofSeconds(5));
	}

}
