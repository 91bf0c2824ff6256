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

import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;

import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * A certificate authority made at start-up, the local upstreams' server certificate, and
 * a client certificate for the payments upstream. Registers two SSL bundles:
 * {@code local-ca} (trusts the authority) and {@code payments-client} (trusts it and
 * presents the client certificate).
 */
final class LocalPki implements SslBundleRegistrar {

	private static final char[] PASSWORD = "sample".toCharArray();

	private final X509Bundle authority;

	private final X509Bundle server;

	private final X509Bundle client;

	LocalPki() throws Exception {
		Instant now = Instant.now();
		CertificateBuilder base = new CertificateBuilder().notBefore(now.minus(1, ChronoUnit.HOURS))
			.notAfter(now.plus(7, ChronoUnit.DAYS))
			.ecp256();
		this.authority = base.copy()
			.subject("CN=TLS session sample CA")
			.setIsCertificateAuthority(true)
			.buildSelfSigned();
		this.server = base.copy()
			.subject("CN=localhost")
			.addSanDnsName("localhost")
			.addSanIpAddress("127.0.0.1")
			.addExtendedKeyUsageServerAuth()
			.buildIssuedBy(this.authority);
		this.client = base.copy()
			.subject("CN=sample-app")
			.addExtendedKeyUsageClientAuth()
			.buildIssuedBy(this.authority);
	}

	X509Bundle authority() {
		return this.authority;
	}

	X509Bundle server() {
		return this.server;
	}

	@Override
	public void registerBundles(SslBundleRegistry registry) {
		try {
			KeyStore trust = this.authority.toKeyStore(PASSWORD);
			registry.registerBundle("local-ca", SslBundle.of(SslStoreBundle.of(null, null, trust)));
			registry.registerBundle("payments-client",
					SslBundle.of(SslStoreBundle.of(this.client.toKeyStore(PASSWORD), new String(PASSWORD), trust),
							SslBundleKey.of(new String(PASSWORD))));
		}
		catch (Exception ex) {
			throw new IllegalStateException("The sample's SSL bundles cannot be made", ex);
		}
	}

}
