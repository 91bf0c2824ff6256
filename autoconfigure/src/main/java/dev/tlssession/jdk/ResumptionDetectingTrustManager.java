package dev.tlssession.jdk;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import io.netty.handler.ssl.ResumableX509ExtendedTrustManager;

/**
 * Delegates every check and reports the engines whose handshake completed without one. The JDK consults the trust
 * manager only when the server sends its certificate, which it does not on a resumed handshake; Netty calls
 * {@link #resumeServerTrusted} for exactly those handshakes.
 */
final class ResumptionDetectingTrustManager extends X509ExtendedTrustManager
		implements ResumableX509ExtendedTrustManager {

	private final X509ExtendedTrustManager delegate;

	private final Consumer<SSLEngine> resumed;

	ResumptionDetectingTrustManager(X509ExtendedTrustManager delegate, Consumer<SSLEngine> resumed) {
		this.delegate = delegate;
		this.resumed = resumed;
	}

	@Override
	public void resumeServerTrusted(X509Certificate[] chain, SSLEngine engine) {
		this.resumed.accept(engine);
	}

	@Override
	public void resumeClientTrusted(X509Certificate[] chain, SSLEngine engine) {
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		this.delegate.checkServerTrusted(chain, authType, engine);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		this.delegate.checkServerTrusted(chain, authType, socket);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		this.delegate.checkServerTrusted(chain, authType);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		this.delegate.checkClientTrusted(chain, authType, engine);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		this.delegate.checkClientTrusted(chain, authType, socket);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		this.delegate.checkClientTrusted(chain, authType);
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return this.delegate.getAcceptedIssuers();
	}

}
