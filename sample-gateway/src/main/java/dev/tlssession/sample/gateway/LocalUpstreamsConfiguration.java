package dev.tlssession.sample.gateway;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local upstreams and their certificates, unless
 * {@code sample.local-upstreams.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "sample.local-upstreams.enabled", matchIfMissing = true)
class LocalUpstreamsConfiguration {

	@Bean
	static LocalPki localPki() throws Exception {
		return new LocalPki();
	}

	@Bean
	LocalUpstreams localUpstreams(LocalPki pki, LocalUpstreams.Ports ports) {
		return new LocalUpstreams(pki, ports);
	}

	@Bean
	UpstreamsController upstreamsController(LocalUpstreams upstreams) {
		return new UpstreamsController(upstreams);
	}

}
