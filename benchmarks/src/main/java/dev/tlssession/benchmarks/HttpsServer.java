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

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.internal.tcnative.SSL;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * An HTTPS server on 127.0.0.1 on BoringSSL (Reactor Netty, one event loop thread of its
 * own) that answers {@code ok} and counts, on the server side, the handshakes that
 * resumed a session ({@code SSL_session_reused} on the server engine) and those that did
 * not.
 */
final class HttpsServer implements BenchServer {

	private final DisposableServer server;

	private final LoopResources loops;

	private final String label;

	private final AtomicLong resumed = new AtomicLong();

	private final AtomicLong full = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	HttpsServer(Pki pki, Pki.Cert cert, Protocol protocol, boolean keepAlive) {
		this.label = "netty";
		try {
			SslContext context = SslContextBuilder
				.forServer(pki.server(cert).getKeyPair().getPrivate(), pki.server(cert).getCertificatePath())
				.sslProvider(SslProvider.OPENSSL)
				.protocols(protocol.jsse)
				.build();
			this.loops = LoopResources.create("bench-server-" + cert.name().toLowerCase() + protocol.ordinal(), 1, 1,
					true);
			this.server = HttpServer.create()
				.host("127.0.0.1")
				.port(0)
				.runOn(this.loops, false)
				.secure((spec) -> spec.sslContext(context))
				.doOnChannelInit((observer, channel, address) -> {
					SslHandler handler = channel.pipeline().get(SslHandler.class);
					if (handler != null) {
						handler.handshakeFuture().addListener((future) -> count(handler, future.isSuccess()));
					}
				})
				.handle((request, response) -> {
					if (!keepAlive) {
						response.keepAlive(false);
					}
					return response.header("content-type", "text/plain").sendString(Mono.just("ok"));
				})
				.bindNow(Duration.ofSeconds(10));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Benchmark server cannot start", ex);
		}
	}

	private void count(SslHandler handler, boolean success) {
		if (!success) {
			this.failed.incrementAndGet();
			return;
		}
		boolean reused;
		ReferenceCountedOpenSslEngine engine = (ReferenceCountedOpenSslEngine) handler.engine();
		synchronized (engine) {
			reused = engine.sslPointer() != 0 && SSL.isSessionReused(engine.sslPointer());
		}
		(reused ? this.resumed : this.full).incrementAndGet();
	}

	@Override
	public String url(String tag) {
		return "https://localhost:" + this.server.port() + "/" + tag;
	}

	@Override
	public Handshakes handshakes() {
		return new Handshakes(this.resumed.get(), this.full.get(), this.failed.get());
	}

	@Override
	public String label() {
		return this.label;
	}

	@Override
	public long pid() {
		return 0;
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
		this.loops.disposeLater().block(Duration.ofSeconds(5));
	}

}
