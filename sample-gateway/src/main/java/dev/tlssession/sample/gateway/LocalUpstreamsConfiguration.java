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

package dev.tlssession.sample.gateway;

import dev.tlssession.test.TestCertificateAuthority;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local upstreams and the certificate authority made at start-up, unless
 * {@code sample.local-upstreams.enabled=false}, with the SSL bundle {@code local-ca} that
 * trusts the authority: the gateway's {@code ssl-bundle} and its caches'.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "sample.local-upstreams.enabled", matchIfMissing = true)
class LocalUpstreamsConfiguration {

	@Bean
	static TestCertificateAuthority localCertificateAuthority() {
		return TestCertificateAuthority.create("TLS session gateway sample CA");
	}

	@Bean
	static SslBundleRegistrar localSslBundles(TestCertificateAuthority localCertificateAuthority) {
		return (registry) -> registry.registerBundle("local-ca", localCertificateAuthority.trustBundle());
	}

	@Bean
	LocalUpstreams localUpstreams(TestCertificateAuthority localCertificateAuthority, LocalUpstreams.Ports ports) {
		return new LocalUpstreams(localCertificateAuthority, ports);
	}

	@Bean
	UpstreamsController upstreamsController(LocalUpstreams upstreams) {
		return new UpstreamsController(upstreams);
	}

}
