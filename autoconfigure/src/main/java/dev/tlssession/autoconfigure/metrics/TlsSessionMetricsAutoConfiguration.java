package dev.tlssession.autoconfigure.metrics;

import dev.tlssession.TlsSessionCaches;
import dev.tlssession.autoconfigure.TlsSessionAutoConfiguration;
import dev.tlssession.autoconfigure.TlsSessionProperties;
import dev.tlssession.metrics.TlsSessionMeterBinder;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code tls.session.*} meters, when Micrometer and a meter registry are present. It
 * binds {@link TlsSessionProperties} itself: an application that turns the starter off and defines its own
 * {@link TlsSessionCaches} still gets meters, and {@code tls.session.metrics.*} still applies to them.
 */
@AutoConfiguration(after = { CompositeMeterRegistryAutoConfiguration.class, MetricsAutoConfiguration.class,
		TlsSessionAutoConfiguration.class })
@ConditionalOnClass({ MeterRegistry.class, MetricsAutoConfiguration.class })
@ConditionalOnBean({ MeterRegistry.class, TlsSessionCaches.class })
@EnableConfigurationProperties(TlsSessionProperties.class)
public final class TlsSessionMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TlsSessionMeterBinder tlsSessionMeterBinder(TlsSessionCaches caches, TlsSessionProperties properties) {
		return new TlsSessionMeterBinder(caches, properties.metrics().hostTag());
	}

}
