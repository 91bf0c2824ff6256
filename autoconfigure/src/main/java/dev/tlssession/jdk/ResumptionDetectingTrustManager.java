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

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import io.netty.handler.ssl.ResumableX509ExtendedTrustManager;

/**
 * Delegates every check and reports the engines whose handshake completed without one.
 * The JDK consults the trust manager only when the server sends its certificate, which it
 * does not on a resumed handshake; Netty calls {@link #resumeServerTrusted} for exactly
 * those handshakes.
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
