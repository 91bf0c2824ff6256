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

import dev.tlssession.test.TlsUpstream;
import io.netty.handler.ssl.SslProvider;

/**
 * An HTTPS server on 127.0.0.1 on BoringSSL: the test kit's {@link TlsUpstream}, on one
 * event loop thread of its own, answering {@code ok} and counting, on the server side,
 * the handshakes that resumed a session ({@code SSL_session_reused} on the server engine)
 * and those that did not.
 */
final class HttpsServer implements BenchServer {

	private final TlsUpstream upstream;

	HttpsServer(Pki pki, Pki.Cert cert, Protocol protocol, boolean keepAlive) {
		this.upstream = TlsUpstream.builder(protocol.mode)
			.certificateAuthority(pki.authority(cert))
			.provider(SslProvider.OPENSSL)
			.keepAlive(keepAlive)
			.eventLoopThreads(1)
			// the counts are all the benchmark reads: keep no list of handshakes
			.retainedHandshakes(1)
			.start();
	}

	int port() {
		return this.upstream.port();
	}

	@Override
	public String url(String tag) {
		return "https://localhost:" + this.upstream.port() + "/" + tag;
	}

	@Override
	public Handshakes handshakes() {
		return new Handshakes(this.upstream.resumed(), this.upstream.full(), this.upstream.failedHandshakes());
	}

	@Override
	public String label() {
		return "netty";
	}

	@Override
	public long pid() {
		return 0;
	}

	@Override
	public void close() {
		this.upstream.close();
	}

}
