package dev.tlssession.benchmarks;

import dev.tlssession.test.TlsUpstream;
import io.netty.handler.ssl.SslProvider;

/**
 * An HTTPS server on 127.0.0.1 on BoringSSL: the test kit's {@link TlsUpstream}, on one event loop thread of its
 * own, answering {@code ok} and counting, on the server side, the handshakes that resumed a session
 * ({@code SSL_session_reused} on the server engine) and those that did not.
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
