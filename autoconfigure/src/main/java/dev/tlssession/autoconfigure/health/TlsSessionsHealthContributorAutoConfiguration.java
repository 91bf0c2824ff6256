package dev.tlssession.autoconfigure.health;

import dev.tlssession.TlsSessionCaches;
import dev.tlssession.autoconfigure.TlsSessionAutoConfiguration;
import dev.tlssession.health.TlsSessionsHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code tlsSessions} health contributor ({@code management.health.tlssessions.enabled}).
 */
@AutoConfiguration(after = TlsSessionAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(TlsSessionCaches.class)
@ConditionalOnEnabledHealthIndicator("tlssessions")
@EnableConfigurationProperties(TlsSessionsHealthProperties.class)
public final class TlsSessionsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "tlsSessionsHealthIndicator")
	TlsSessionsHealthIndicator tlsSessionsHealthIndicator(TlsSessionCaches caches,
			TlsSessionsHealthProperties properties) {
		return new TlsSessionsHealthIndicator(caches, properties.requirePositiveWindow());
	}

}
