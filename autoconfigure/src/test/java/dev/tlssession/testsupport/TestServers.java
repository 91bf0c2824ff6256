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

import java.nio.file.Path;

import dev.tlssession.test.NginxServer;
import dev.tlssession.test.OpenSslServer;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import io.netty.handler.ssl.SslProvider;
import io.netty.pkitesting.X509Bundle;
import org.jspecify.annotations.Nullable;

/**
 * The upstreams of these tests, from the test kit: on BoringSSL unless said otherwise,
 * with certificates of {@link TestPki}, so that every test host name resolves to them and
 * is named by their certificate.
 */
public final class TestServers {

	private TestServers() {
	}

	/**
	 * An upstream's builder with the test authority, on BoringSSL.
	 * @param mode how clients resume
	 * @return the builder
	 */
	public static TlsUpstream.Builder builder(ResumptionMode mode) {
		return TlsUpstream.builder(mode).certificateAuthority(TestPki.get()).provider(SslProvider.OPENSSL);
	}

	/**
	 * Starts an upstream with the default test certificate, closing each connection after
	 * its response.
	 * @param mode how clients resume
	 * @return the upstream
	 */
	public static TlsUpstream start(ResumptionMode mode) {
		return builder(mode).start();
	}

	/**
	 * Starts an upstream.
	 * @param mode how clients resume
	 * @param certificate the server's certificate and key
	 * @param clientTrust the authority client certificates must come from, or
	 * {@code null} for no client auth
	 * @param keepAlive whether connections stay open after a response
	 * @return the upstream
	 */
	public static TlsUpstream start(ResumptionMode mode, X509Bundle certificate, @Nullable X509Bundle clientTrust,
			boolean keepAlive) {
		TlsUpstream.Builder builder = builder(mode).certificate(certificate).keepAlive(keepAlive);
		if (clientTrust != null) {
			builder.requireClientCertificates(clientTrust);
		}
		return builder.start();
	}

	/**
	 * Starts an upstream on the port of one that was closed, like a restarted upstream:
	 * new certificate, new ticket keys, empty session cache.
	 * @param mode how clients resume
	 * @param certificate the server's certificate and key
	 * @param port the port
	 * @return the upstream
	 */
	public static TlsUpstream restart(ResumptionMode mode, X509Bundle certificate, int port) {
		return builder(mode).certificate(certificate).port(port).start();
	}

	/**
	 * Starts an upstream on the JDK's TLS stack, which gives TLS 1.3 tickets the server's
	 * session timeout as their lifetime (BoringSSL does not).
	 * @param mode how clients resume; only {@link ResumptionMode#TLS13} and
	 * {@link ResumptionMode#TLS12_SESSION_IDS} are meaningful
	 * @return the upstream
	 */
	public static TlsUpstream startJdk(ResumptionMode mode) {
		return builder(mode).provider(SslProvider.JDK).start();
	}

	/**
	 * Starts nginx with the default test certificate.
	 * @param mode how clients resume
	 * @param directory an empty temporary directory
	 * @return the server
	 */
	public static NginxServer nginx(ResumptionMode mode, Path directory) {
		return NginxServer.start(mode, directory, TestPki.get());
	}

	/**
	 * Starts {@code openssl s_server} with the default test certificate.
	 * @param mode how clients resume
	 * @param directory an empty temporary directory
	 * @return the server
	 */
	public static OpenSslServer sServer(ResumptionMode mode, Path directory) {
		return OpenSslServer.start(mode, directory, TestPki.get());
	}

	/**
	 * Starts a TLS 1.3 {@code openssl s_server} that sends a number of tickets after each
	 * full handshake.
	 * @param tickets tickets per full handshake
	 * @param directory an empty temporary directory
	 * @return the server
	 */
	public static OpenSslServer sServerTls13(int tickets, Path directory) {
		return OpenSslServer.startTls13(tickets, directory, TestPki.get());
	}

}
