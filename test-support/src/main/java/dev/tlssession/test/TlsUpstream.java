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

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
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
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * An HTTPS upstream on {@code 127.0.0.1}, in the test's JVM, that records for every
 * connection whether its handshake resumed a session, as the server saw it: the view to
 * check a client's against. It answers every request with {@code 200 ok} (or the body it
 * was built with), and by default closes each connection after its response, so that
 * every request makes a handshake.
 * <p>
 * It runs on OpenSSL (BoringSSL, netty-tcnative) when that is available, else on the JDK,
 * in one of the three {@link ResumptionMode modes}, with a certificate of a
 * {@link TestCertificateAuthority} (by default the
 * {@link TestCertificateAuthority#shared() shared} one), optionally requiring client
 * certificates. It can rotate its ticket keys, forget its sessions or swap its
 * certificate, and break connections in the ways servers do, to test what a client does
 * then. <pre class="code">
 * try (TlsUpstream upstream = TlsUpstream.start(ResumptionMode.TLS13)) {
 *     // 20 requests to upstream.url() on new connections
 *     assertThat(upstream).lastConnections(20).haveResumedAtLeast(19);
 * }
 * </pre>
 *
 * @since 0.1.0
 * @see TlsUpstreamExtension
 * @see TlsUpstreamAssertions
 */
public final class TlsUpstream implements AutoCloseable {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final AtomicInteger LOOPS = new AtomicInteger();

	private final ResumptionMode mode;

	private final SslProvider provider;

	private final @Nullable TestCertificateAuthority authority;

	private final @Nullable X509Bundle clientTrust;

	private final SwappableSslContext sslContext;

	private final @Nullable LoopResources loops;

	private final DisposableServer server;

	private final HandshakeRecorder recorder;

	private final AtomicInteger alertsSent = new AtomicInteger();

	private volatile boolean resetAfterResponse;

	private volatile boolean alertMidResponse;

	private volatile boolean breakHandshakes;

	private volatile boolean echoClientIdentity;

	private final AtomicBoolean closed = new AtomicBoolean();

	private TlsUpstream(Builder builder) {
		this.mode = builder.mode;
		this.provider = (builder.provider != null) ? builder.provider : defaultProvider();
		this.authority = (builder.certificate != null) ? builder.authority : authority(builder);
		this.clientTrust = builder.clientTrust;
		this.recorder = new HandshakeRecorder(builder.retained);
		X509Bundle certificate = (builder.certificate != null) ? builder.certificate : authority(builder).server();
		this.sslContext = new SwappableSslContext(newContext(certificate));
		this.loops = (builder.eventLoopThreads > 0) ? LoopResources.create("tls-upstream-" + LOOPS.incrementAndGet(),
				builder.eventLoopThreads, builder.eventLoopThreads, true) : null;
		boolean keepAlive = builder.keepAlive;
		String contentType = builder.contentType;
		String body = builder.body;
		HttpServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(builder.port)
			.secure((spec) -> spec.sslContext(this.sslContext))
			.doOnChannelInit((observer, channel, address) -> initChannel(channel))
			.handle((request, response) -> respond(request, response, keepAlive, contentType, body));
		if (this.loops != null) {
			server = server.runOn(this.loops, false);
		}
		try {
			this.server = server.bindNow(Duration.ofSeconds(10));
		}
		catch (RuntimeException ex) {
			disposeLoops();
			throw ex;
		}
	}

	private static TestCertificateAuthority authority(Builder builder) {
		return (builder.authority != null) ? builder.authority : TestCertificateAuthority.shared();
	}

	private static SslProvider defaultProvider() {
		return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
	}

	/**
	 * Starts an upstream with the defaults: a certificate of the shared authority, no
	 * client certificates, a new connection per request, any free port.
	 * @param mode how clients resume
	 * @return the running upstream
	 */
	public static TlsUpstream start(ResumptionMode mode) {
		return builder(mode).start();
	}

	/**
	 * A builder of an upstream.
	 * @param mode how clients resume
	 * @return the builder
	 */
	public static Builder builder(ResumptionMode mode) {
		return new Builder(mode);
	}

	private SslContext newContext(X509Bundle certificate) {
		try {
			SslContextBuilder builder = SslContextBuilder
				.forServer(certificate.getKeyPair().getPrivate(), certificate.getCertificatePath())
				.sslProvider(this.provider)
				.protocols(this.mode.protocol());
			if (this.clientTrust != null) {
				builder.trustManager(this.clientTrust.getRootCertificate()).clientAuth(ClientAuth.REQUIRE);
			}
			SslContext context = builder.build();
			if (this.provider != SslProvider.JDK) {
				OpenSslServerSessionContext sessions = (OpenSslServerSessionContext) context.sessionContext();
				if (this.mode == ResumptionMode.TLS12_TICKETS) {
					sessions.setSessionCacheEnabled(false);
				}
				if (this.mode != ResumptionMode.TLS12_SESSION_IDS) {
					sessions.setTicketKeys(newTicketKey());
				}
			}
			return context;
		}
		catch (SSLException ex) {
			throw new IllegalStateException("Cannot make the upstream's TLS context", ex);
		}
	}

	private static OpenSslSessionTicketKey newTicketKey() {
		byte[] name = new byte[16];
		byte[] hmac = new byte[16];
		byte[] aes = new byte[16];
		RANDOM.nextBytes(name);
		RANDOM.nextBytes(hmac);
		RANDOM.nextBytes(aes);
		return new OpenSslSessionTicketKey(name, hmac, aes);
	}

	private void initChannel(Channel channel) {
		this.recorder.record(channel.pipeline().get(SslHandler.class));
		if (this.breakHandshakes) {
			channel.pipeline().addFirst(new HandshakeBreaker());
		}
	}

	private Mono<Void> respond(HttpServerRequest request, HttpServerResponse response, boolean keepAlive,
			String contentType, String body) {
		if (!keepAlive) {
			response.keepAlive(false);
		}
		response.header("content-type", contentType);
		if (this.resetAfterResponse) {
			// an abortive close after the response: a TCP reset, no close_notify
			response.withConnection((connection) -> {
				Channel channel = connection.channel();
				channel.eventLoop().schedule(() -> abort(channel), 50, TimeUnit.MILLISECONDS);
			});
		}
		if (this.alertMidResponse) {
			// part of the body, then a fatal alert record where the client expects
			// encrypted data
			response.withConnection((connection) -> {
				Channel channel = connection.channel();
				channel.eventLoop().schedule(() -> sendFatalAlert(channel), 50, TimeUnit.MILLISECONDS);
			});
			return response.sendString(Flux.just(body.isEmpty() ? "o" : body.substring(0, 1)).concatWith(Mono.never()))
				.then();
		}
		if (this.echoClientIdentity) {
			return response.sendString(Mono.just(clientIdentity(request))).then();
		}
		return response.sendString(Mono.just(body)).then();
	}

	private static String clientIdentity(HttpServerRequest request) {
		String[] identity = new String[] { "none|false" };
		request.withConnection((connection) -> {
			SslHandler handler = connection.channel().pipeline().get(SslHandler.class);
			SSLSession session = handler.engine().getSession();
			boolean resumed = false;
			if (handler.engine() instanceof ReferenceCountedOpenSslEngine engine) {
				synchronized (engine) {
					resumed = engine.sslPointer() != 0 && SSL.isSessionReused(engine.sslPointer());
				}
			}
			String subject = HandshakeRecorder.clientSubject(session);
			identity[0] = ((subject != null) ? subject : "none") + "|" + resumed;
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

	private static void abort(Channel channel) {
		channel.config().setOption(ChannelOption.SO_LINGER, 0);
		channel.unsafe().close(channel.voidPromise());
	}

	/**
	 * How clients resume.
	 * @return the mode
	 */
	public ResumptionMode mode() {
		return this.mode;
	}

	/**
	 * The TLS implementation of the server.
	 * @return {@link SslProvider#OPENSSL} or {@link SslProvider#JDK}
	 */
	public SslProvider provider() {
		return this.provider;
	}

	/**
	 * The authority whose certificate the upstream presents (and whose client
	 * certificates it accepts, when it requires them), unless it was built with a
	 * certificate of its own.
	 * @return the authority, or {@code null} when built with
	 * {@link Builder#certificate(X509Bundle)}
	 */
	public @Nullable TestCertificateAuthority certificateAuthority() {
		return this.authority;
	}

	/**
	 * The port the upstream listens on, on {@code 127.0.0.1}.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * The upstream's URL with the host name {@code localhost}, which its default
	 * certificate names.
	 * @return {@code https://localhost:<port>/}
	 */
	public String url() {
		return url("localhost");
	}

	/**
	 * The upstream's URL with another host name, one that resolves to {@code 127.0.0.1}
	 * and that its certificate names.
	 * @param host the host name
	 * @return {@code https://<host>:<port>/}
	 */
	public String url(String host) {
		return "https://" + host + ":" + port() + "/";
	}

	/**
	 * The handshakes of the connections so far, oldest first, as the server saw them (the
	 * most recent {@value HandshakeRecorder#DEFAULT_RETAINED} unless built otherwise).
	 * @return the handshakes that completed
	 */
	public List<UpstreamHandshake> handshakes() {
		return this.recorder.handshakes();
	}

	/**
	 * The handshakes of the most recent connections, oldest first.
	 * @param connections how many connections
	 * @return their handshakes, fewer when fewer connections completed one
	 */
	public List<UpstreamHandshake> lastHandshakes(int connections) {
		return this.recorder.lastHandshakes(connections);
	}

	/**
	 * The raw ids of the sessions the server saw, for checking that they appear nowhere
	 * else (in logs, meters or endpoints).
	 * @return the ids, oldest first
	 */
	public List<byte[]> sessionIds() {
		return this.recorder.sessionIds();
	}

	/**
	 * The handshakes that resumed a session, as the server saw them.
	 * @return the count
	 */
	public long resumed() {
		return this.recorder.resumed();
	}

	/**
	 * The full handshakes, as the server saw them.
	 * @return the count
	 */
	public long full() {
		return this.recorder.full();
	}

	/**
	 * The handshakes that failed on the server's side.
	 * @return the count
	 */
	public long failedHandshakes() {
		return this.recorder.failed();
	}

	/**
	 * Forgets the recorded handshakes and counts.
	 */
	public void resetCounts() {
		this.recorder.reset();
	}

	/**
	 * Replaces the ticket keys: tickets issued so far can no longer be resumed. OpenSSL
	 * only.
	 * @throws IllegalStateException on the JDK, whose ticket keys cannot be set
	 */
	public void rotateTicketKeys() {
		openSslSessions("rotate its ticket keys").setTicketKeys(newTicketKey());
	}

	/**
	 * Forgets every session, as a restarted server does: new ticket keys, or an empty
	 * session cache in {@link ResumptionMode#TLS12_SESSION_IDS}. OpenSSL only.
	 * @throws IllegalStateException on the JDK
	 */
	public void forgetSessions() {
		OpenSslServerSessionContext sessions = openSslSessions("forget its sessions");
		if (this.mode == ResumptionMode.TLS12_SESSION_IDS) {
			sessions.setSessionCacheEnabled(false);
			sessions.setSessionCacheEnabled(true);
		}
		else {
			sessions.setTicketKeys(newTicketKey());
		}
	}

	private OpenSslServerSessionContext openSslSessions(String action) {
		if (this.provider == SslProvider.JDK) {
			throw new IllegalStateException("An upstream on the JDK cannot " + action + "; build it on OpenSSL");
		}
		return (OpenSslServerSessionContext) this.sslContext.target().sessionContext();
	}

	/**
	 * Presents another certificate to new connections, as a server restarted with a
	 * renewed certificate: a new TLS context, so new ticket keys and an empty session
	 * cache. The port and the recorded handshakes stay.
	 * @param certificate the certificate, its key and chain
	 */
	public void swapCertificate(X509Bundle certificate) {
		this.sslContext.target(newContext(certificate));
	}

	/**
	 * Sets the lifetime the server gives its sessions and tickets from now on.
	 * @param seconds the lifetime
	 */
	public void sessionTimeout(int seconds) {
		this.sslContext.target().sessionContext().setSessionTimeout(seconds);
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
	 * The fatal alerts sent in responses so far ({@link #alertMidResponse(boolean)}).
	 * @return the count
	 */
	public int alertsSent() {
		return this.alertsSent.get();
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
	 * TLS session authenticated and whether the session was resumed,
	 * {@code subject|resumed}, or {@code none|resumed}.
	 * @param echo whether to answer so
	 */
	public void echoClientIdentity(boolean echo) {
		this.echoClientIdentity = echo;
	}

	/**
	 * Stops the server and tells the {@link UpstreamListener}s what it saw. Closing it
	 * again does nothing.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		try {
			this.server.disposeNow(Duration.ofSeconds(5));
		}
		finally {
			disposeLoops();
			UpstreamListeners.closed(toString(), resumed(), full());
		}
	}

	private void disposeLoops() {
		if (this.loops != null) {
			this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(1)).block(Duration.ofSeconds(5));
		}
	}

	@Override
	public String toString() {
		return "TlsUpstream[" + this.mode + ", " + this.provider.name().toLowerCase() + ", 127.0.0.1:"
				+ this.server.port() + "]";
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

	/**
	 * Builds a {@link TlsUpstream}.
	 */
	public static final class Builder {

		private final ResumptionMode mode;

		private @Nullable TestCertificateAuthority authority;

		private @Nullable X509Bundle certificate;

		private @Nullable X509Bundle clientTrust;

		private boolean requireClientCertificates;

		private boolean keepAlive;

		private int port;

		private @Nullable SslProvider provider;

		private String contentType = "text/plain";

		private String body = "ok";

		private int eventLoopThreads;

		private int retained = HandshakeRecorder.DEFAULT_RETAINED;

		private Builder(ResumptionMode mode) {
			this.mode = mode;
		}

		/**
		 * Presents the server certificate of an authority, and accepts its client
		 * certificates when they are required. By default the
		 * {@link TestCertificateAuthority#shared() shared} authority.
		 * @param authority the authority
		 * @return this builder
		 */
		public Builder certificateAuthority(TestCertificateAuthority authority) {
			this.authority = authority;
			return this;
		}

		/**
		 * Presents a certificate of its own instead of the authority's server
		 * certificate.
		 * @param certificate the certificate, its key and chain
		 * @return this builder
		 */
		public Builder certificate(X509Bundle certificate) {
			this.certificate = certificate;
			return this;
		}

		/**
		 * Requires a client certificate issued by the upstream's authority.
		 * @return this builder
		 */
		public Builder requireClientCertificates() {
			this.requireClientCertificates = true;
			return this;
		}

		/**
		 * Requires a client certificate issued by a given authority.
		 * @param trustedRoot the authority's certificate
		 * @return this builder
		 */
		public Builder requireClientCertificates(X509Bundle trustedRoot) {
			this.clientTrust = trustedRoot;
			return this;
		}

		/**
		 * Whether connections stay open after a response. By default each is closed, so
		 * that every request makes a handshake.
		 * @param keepAlive whether to keep connections open
		 * @return this builder
		 */
		public Builder keepAlive(boolean keepAlive) {
			this.keepAlive = keepAlive;
			return this;
		}

		/**
		 * Listens on a given port, for example that of an upstream that was closed, as a
		 * restarted server does. By default any free port.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * The server's TLS implementation. By default OpenSSL when netty-tcnative is
		 * available, else the JDK.
		 * @param provider {@link SslProvider#OPENSSL} or {@link SslProvider#JDK}
		 * @return this builder
		 */
		public Builder provider(SslProvider provider) {
			this.provider = provider;
			return this;
		}

		/**
		 * The response to every request. By default {@code ok} as {@code text/plain}.
		 * @param contentType the response's content type
		 * @param body the response's body
		 * @return this builder
		 */
		public Builder response(String contentType, String body) {
			this.contentType = contentType;
			this.body = body;
			return this;
		}

		/**
		 * Runs the server on event loop threads of its own, so that its work is apart
		 * from the client's. By default it shares Reactor Netty's global event loops.
		 * @param threads the number of threads
		 * @return this builder
		 */
		public Builder eventLoopThreads(int threads) {
			this.eventLoopThreads = threads;
			return this;
		}

		/**
		 * How many of the most recent handshakes the upstream keeps for
		 * {@link TlsUpstream#handshakes()}; the counts cover all of them. By default
		 * {@value HandshakeRecorder#DEFAULT_RETAINED}.
		 * @param handshakes the number of handshakes
		 * @return this builder
		 */
		public Builder retainedHandshakes(int handshakes) {
			this.retained = handshakes;
			return this;
		}

		/**
		 * Starts the upstream.
		 * @return the running upstream
		 */
		public TlsUpstream start() {
			if (this.requireClientCertificates && this.clientTrust == null) {
				this.clientTrust = authority(this).root();
			}
			return new TlsUpstream(this);
		}

	}

}
