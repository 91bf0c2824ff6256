package dev.tlssession.sample;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local upstreams and their certificates, unless {@code sample.local-upstreams.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "sample.local-upstreams.enabled", matchIfMissing = true)
class LocalUpstreamsConfiguration {

	@Bean
	static LocalPki localPki() throws Exception {
		return new LocalPki();
	}

	@Bean
	LocalUpstreams localUpstreams(LocalPki pki, SampleProperties properties) {
		return new LocalUpstreams(pki, properties.localUpstreams());
	}

}
