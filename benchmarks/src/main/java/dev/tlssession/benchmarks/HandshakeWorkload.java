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

package dev.tlssession.benchmarks;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javax.net.ssl.SSLException;

import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.jdk.JdkTlsSessionCache;
import dev.tlssession.metrics.TlsSessionMeterBinder;
import dev.tlssession.openssl.OpenSslTlsSessionCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Promise;

/**
 * Workload 2: the handshake alone, no HTTP. Sequential connections (connect, handshake, a
 * one-byte echo so that TLS 1.3 tickets arrive, close_notify) on a Netty client with one
 * event loop thread, against a BoringSSL echo server. "Full" connections use a
 * never-repeated port as the session key (so no cache can hit, but every new session is
 * still stored, as with a shared context); "resumed" ones use the server's port. Starter
 * caches are built with the default settings and the Micrometer meter binder attached.
 */
final class HandshakeWorkload implements AutoCloseable {

	private static final String HOST = "localhost";

	private final Pki pki;

	private final Plan plan;

	private final Budget budget;

	private final Consumer<String> log;

	private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
			new DefaultThreadFactory("bench-client-hs", true), NioIoHandler.newFactory());

	private int uniquePort = 1;

	private final List<Profiler.Profile> profiles = new ArrayList<>();

	private final Path rawDirectory;

	HandshakeWorkload(Pki pki, Plan plan, Budget budget, Path rawDirectory, Consumer<String> log) {
		this.pki = pki;
		this.rawDirectory = rawDirectory;
		this.plan = plan;
		this.budget = budget;
		this.log = log;
	}

	/**
	 * Both protocols on both providers.
	 * @param profile whether to record the JFR profiles of the TLS 1.3 handshake loop as
	 * well
	 * @return the samples
	 */
	List<Sample> run(boolean profile) throws Exception {
		return run(List.of(Protocol.TLS12, Protocol.TLS13), List.of(SslProvider.OPENSSL, SslProvider.JDK), profile);
	}

	/**
	 * The jdk provider's TLS 1.3 handshakes alone, for a run on another Java version.
	 * @return the samples
	 */
	List<Sample> jdkOnly() throws Exception {
		return run(List.of(Protocol.TLS13), List.of(SslProvider.JDK), false);
	}

	private List<Sample> run(List<Protocol> protocols, List<SslProvider> providers, boolean profile) throws Exception {
		List<Sample> samples = new ArrayList<>();
		TlsMaterial material = new TlsMaterial(null, this.pki.trustManagerFactory(), null, null);
		for (Protocol protocol : protocols) {
			try (HandshakeServer server = new HandshakeServer(this.pki, Pki.Cert.EC, protocol)) {
				for (SslProvider provider : providers) {
					String p = (provider == SslProvider.OPENSSL) ? "openssl" : "jdk";
					SslContext raw = Clients.sharedContext(this.pki, provider);
					List<Config> configs = new ArrayList<>();
					configs.addAll(starter(p, "", TlsSessionCacheSettings.DEFAULTS, material));
					configs.add(new Config("raw-" + p + " full", raw, false));
					configs.add(new Config("raw-" + p + " resumed", raw, true));
					// key-exchange-groups: X25519 alone instead of the default
					// (BoringSSL's hybrid X25519MLKEM768 first; the JDK's key shares for
					// x25519 and secp256r1); secp256r1 stays listed on openssl for TLS
					// 1.2 servers with ECDSA P-256 certificates, as the README advises
					List<String> groups = (provider == SslProvider.OPENSSL) ? List.of("x25519", "secp256r1")
							: List.of("x25519");
					if (protocol == Protocol.TLS13
							&& (provider == SslProvider.OPENSSL || JdkTlsSessionCache.supportsKeyExchangeGroups())) {
						configs.addAll(starter(p, "-x25519", withGroups(groups), material));
					}
					String cell = "netty/ec/" + protocol.jsse + "/1";
					this.log.accept("handshake " + cell + " " + p);
					samples.addAll(Alternation.run(configs, this.plan.rounds(), this.plan.slices(1), this.budget,
							(config, round) -> round(cell, config, server, round)));
					if (profile && provider == SslProvider.OPENSSL && protocol == Protocol.TLS13) {
						profile(configs.get(1), server);
						profile(configs.get(0), server);
						profile(configs.get(3), server);
					}
				}
			}
		}
		return samples;
	}

	/**
	 * A starter cache with the meter binder, full and resumed.
	 */
	private static List<Config> starter(String provider, String suffix, TlsSessionCacheSettings settings,
			TlsMaterial material) throws SSLException {
		TlsSessionCache cache = provider.equals("openssl") ? new OpenSslTlsSessionCache("bench", settings, material)
				: new JdkTlsSessionCache("bench", settings, material);
		TlsSessionCaches caches = new TlsSessionCaches(List.of(cache), Map.of(), "bench");
		new TlsSessionMeterBinder(caches, false).bindTo(new SimpleMeterRegistry());
		String id = "starter-" + provider + suffix;
		return List.of(new Config(id + " full", cache.sslContext(), false),
				new Config(id + " resumed", cache.sslContext(), true));
	}

	private static TlsSessionCacheSettings withGroups(List<String> groups) {
		TlsSessionCacheSettings d = TlsSessionCacheSettings.DEFAULTS;
		return new TlsSessionCacheSettings(d.maxSessions(), d.maxSessionsPerHost(), d.timeout(), d.reuse(),
				d.singleUseTickets(), d.evictOnRejection(), d.noInternalStore(), d.noInternalLookup(),
				d.handshakeTimeout(), groups);
	}

	/**
	 * A JFR profile of the handshake client thread while one configuration runs alone.
	 */
	private void profile(Config config, HandshakeServer server) throws java.io.IOException {
		Duration duration = Duration.ofSeconds(this.plan.profileSeconds());
		Path file = this.rawDirectory.resolve("profile-handshake-" + config.id().replace(' ', '-') + ".jfr");
		this.profiles
			.add(Profiler.profile("handshake " + config.id(), () -> slice("profile", config, server, 1, duration), file,
					(name) -> name.startsWith("bench-client-hs")));
	}

	List<Profiler.Profile> profiles() {
		return this.profiles;
	}

	private Sample round(String cell, Config config, HandshakeServer server, int round) {
		return slice(cell, config, server, round, this.plan.slice(1, round));
	}

	private Sample slice(String cell, Config config, HandshakeServer server, int round, Duration duration) {
		InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
		long[] latencies = new long[Plan.maxOperations(duration)];
		int completed = 0;
		long errors = 0;
		Meter meter = Meter.start(server, ThreadCpu.CLIENT);
		long deadline = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() - deadline < 0 && completed < latencies.length && errors < 100) {
			int key = config.resume() ? server.port() : nextUniquePort(server.port());
			long handshake = connect(config.context(), address, key);
			if (handshake > 0) {
				latencies[completed++] = handshake;
			}
			else {
				errors++;
			}
		}
		return meter.stop("handshake", cell, config.id(), round, completed, errors, latencies);
	}

	private int nextUniquePort(int serverPort) {
		this.uniquePort = (this.uniquePort % 65535) + 1;
		return (this.uniquePort == serverPort) ? nextUniquePort(serverPort) : this.uniquePort;
	}

	/**
	 * One connection.
	 * @return the handshake time (connect included) in nanoseconds, or -1 if it failed
	 */
	private long connect(SslContext context, InetSocketAddress address, int keyPort) {
		Promise<Long> done = this.group.next().newPromise();
		long start = System.nanoTime();
		Channel channel = new Bootstrap().group(this.group)
			.channel(NioSocketChannel.class)
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel ch) {
					ch.pipeline().addLast(context.newHandler(ch.alloc(), HOST, keyPort), new Exchange(done, start));
				}
			})
			.connect(address)
			.channel();
		try {
			if (done.await(10, TimeUnit.SECONDS) && done.isSuccess()) {
				return done.getNow();
			}
			channel.close();
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	@Override
	public void close() {
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	/** One client configuration of this workload. */
	record Config(String id, SslContext context, boolean resume) {
	}

	/**
	 * Handshake, one byte there and back, orderly close; the promise completes when the
	 * channel is closed.
	 */
	private static final class Exchange extends ChannelInboundHandlerAdapter {

		private final Promise<Long> done;

		private final long start;

		private long handshake = -1;

		private final AtomicBoolean ok = new AtomicBoolean();

		Exchange(Promise<Long> done, long start) {
			this.done = done;
			this.start = start;
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
			if (event instanceof SslHandshakeCompletionEvent completion) {
				if (completion.isSuccess()) {
					this.handshake = System.nanoTime() - this.start;
					ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] { 1 }));
				}
				else {
					ctx.close();
				}
			}
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			ReferenceCountUtil.release(msg);
			this.ok.set(true);
			ctx.close();
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			ctx.close();
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			if (this.ok.get()) {
				this.done.trySuccess(this.handshake);
			}
			else {
				this.done.tryFailure(new IllegalStateException("connection failed"));
			}
		}

	}

}
