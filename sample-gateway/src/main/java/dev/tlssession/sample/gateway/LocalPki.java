package dev.tlssession.sample.gateway;

import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;

import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * A certificate authority made at start-up and the local upstreams' server certificate.
 * Registers the SSL bundle {@code local-ca}, which trusts the authority: the gateway's
 * {@code ssl-bundle} and its caches'.
 */
final class LocalPki implements SslBundleRegistrar {

	private final X509Bundle authority;

	private final X509Bundle server;

	LocalPki() throws Exception {
		Instant now = Instant.now();
		CertificateBuilder base = new CertificateBuilder().notBefore(now.minus(1, ChronoUnit.HOURS))
			.notAfter(now.plus(7, ChronoUnit.DAYS))
			.ecp256();
		this.authority = base.copy()
			.subject("CN=TLS session gateway sample CA")
			.setIsCertificateAuthority(true)
			.buildSelfSigned();
		this.server = base.copy()
			.subject("CN=localhost")
			.addSanDnsName("localhost")
			.addSanIpAddress("127.0.0.1")
			.addExtendedKeyUsageServerAuth()
			.buildIssuedBy(this.authority);
	}

	X509Bundle server() {
		return this.server;
	}

	@Override
	public void registerBundles(org.springframework.boot.ssl.SslBundleRegistry registry) {
		try {
			KeyStore trust = this.authority.toKeyStore("sample".toCharArray());
			registry.registerBundle("local-ca", SslBundle.of(SslStoreBundle.of(null, null, trust)));
		}
		catch (Exception ex) {
			throw new IllegalStateException("The sample's SSL bundle cannot be made", ex);
		}
	}

}
