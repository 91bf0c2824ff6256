package dev.tlssession.autoconfigure.actuate;

import java.time.Duration;

import dev.tlssession.TlsSessionCaches;
import dev.tlssession.actuate.TlsSessionsHealthIndicator;
import dev.tlssession.autoconfigure.TlsSessionAutoConfiguration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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
public final class TlsSessionsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "tlsSessionsHealthIndicator")
	TlsSessionsHealthIndicator tlsSessionsHealthIndicator(TlsSessionCaches caches,
			@Value("${management.health.tlssessions.window:5m}") Duration window) {
		return new TlsSessionsHealthIndicator(caches, window);
	}

}
