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

package dev.tlssession.sample;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.internal.tcnative.SSL;
import io.netty.pkitesting.X509Bundle;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.context.SmartLifecycle;

/**
 * Two HTTPS upstreams on loopback, so the sample works offline: payments (TLS 1.3 only,
 * requires a client certificate) and catalog (TLS 1.2 only, session tickets). Each
 * counts, on the server side, how many handshakes it resumed, so the demo can show the
 * client's numbers next to the server's.
 */
final class LocalUpstreams implements SmartLifecycle {

	private final LocalPki pki;

	private final SampleProperties.LocalUpstreams ports;

	private final Map<String, Upstream> upstreams = new LinkedHashMap<>();

	private volatile boolean running;

	LocalUpstreams(LocalPki pki, SampleProperties.LocalUpstreams ports) {
		this.pki = pki;
		this.ports = ports;
	}

	@Override
	public void start() {
		try {
			this.upstreams.put("payments",
					new Upstream("payments", this.ports.paymentsPort(),
							serverContext("TLSv1.3").trustManager(this.pki.authority().getRootCertificate())
								.clientAuth(ClientAuth.REQUIRE)
								.build()));
			this.upstreams.put("catalog",
					new Upstream("catalog", this.ports.catalogPort(), serverContext("TLSv1.2").build()));
			this.running = true;
		}
		catch (Exception ex) {
			stop();
			throw new IllegalStateException("The local upstreams cannot start (ports " + this.ports.paymentsPort()
					+ " and " + this.ports.catalogPort() + "; change sample.local-upstreams.*-port)", ex);
		}
	}

	private SslContextBuilder serverContext(String protocol) {
		X509Bundle server = this.pki.server();
		return SslContextBuilder.forServer(server.getKeyPair().getPrivate(), server.getCertificatePath())
			.protocols(protocol);
	}

	@Override
	public void stop() {
		this.upstreams.values().forEach(Upstream::stop);
		this.upstreams.clear();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// before the web server: the demo can call the upstreams as soon as it accepts
		// requests
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	/**
	 * What each upstream's server saw.
	 * @return resumed and full handshakes per upstream
	 */
	Map<String, ServerView> serverViews() {
		Map<String, ServerView> views = new LinkedHashMap<>();
		this.upstreams
			.forEach((name, upstream) -> views.put(name, new ServerView(upstream.resumed.get(), upstream.full.get())));
		return views;
	}

	/**
	 * Handshakes as an upstream's server saw them.
	 *
	 * @param resumed resumed handshakes
	 * @param full full handshakes
	 */
	record ServerView(long resumed, long full) {
	}

	private static final class Upstream {

		private final AtomicLong resumed = new AtomicLong();

		private final AtomicLong full = new AtomicLong();

		private final DisposableServer server;

		Upstream(String name, int port, SslContext context) {
			this.server = HttpServer.create()
				.host("127.0.0.1")
				.port(port)
				.secure((spec) -> spec.sslContext(context))
				.doOnChannelInit((observer, channel, address) -> {
					SslHandler handler = channel.pipeline().get(SslHandler.class);
					long start = System.currentTimeMillis();
					handler.handshakeFuture().addListener((future) -> {
						if (future.isSuccess()) {
							(isResumed(handler, start) ? this.resumed : this.full).incrementAndGet();
						}
					});
				})
				.route((routes) -> routes.get("/**",
						(request, response) -> response.header("Content-Type", "application/json")
							.sendString(Mono.just("{\"upstream\":\"" + name + "\",\"ok\":true}"))))
				.bindNow(Duration.ofSeconds(10));
		}

		private static boolean isResumed(SslHandler handler, long startMillis) {
			if (handler.engine() instanceof ReferenceCountedOpenSslEngine engine) {
				synchronized (engine) {
					return engine.sslPointer() != 0 && SSL.isSessionReused(engine.sslPointer());
				}
			}
			// the JDK's server (where netty-tcnative has no native library): a resumed
			// session predates the connection
			return handler.engine().getSession().getCreationTime() < startMillis;
		}

		void stop() {
			this.server.disposeNow(Duration.ofSeconds(5));
		}

	}

}
