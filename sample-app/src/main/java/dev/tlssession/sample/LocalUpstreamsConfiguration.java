package dev.tlssession.sample;

import dev.tlssession.test.TestCertificateAuthority;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local upstreams and the certificate authority made at start-up, unless
 * {@code sample.local-upstreams.enabled=false}. Two SSL bundles come with them: {@code local-ca} (trusts the
 * authority) and {@code payments-client} (trusts it and presents a client certificate it issued).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "sample.local-upstreams.enabled", matchIfMissing = true)
class LocalUpstreamsConfiguration {

	@Bean
	static TestCertificateAuthority localCertificateAuthority() {
		return TestCertificateAuthority.create("TLS session sample CA");
	}

	@Bean
	static SslBundleRegistrar localSslBundles(TestCertificateAuthority localCertificateAuthority) {
		return (registry) -> {
			registry.registerBundle("local-ca", localCertificateAuthority.trustBundle());
			registry.registerBundle("payments-client",
					localCertificateAuthority.clientBundle(localCertificateAuthority.client("sample-app")));
		};
	}

	@Bean
	LocalUpstreams localUpstreams(TestCertificateAuthority localCertificateAuthority, SampleProperties properties) {
		return new LocalUpstreams(localCertificateAuthority, properties.localUpstreams());
	}

}
