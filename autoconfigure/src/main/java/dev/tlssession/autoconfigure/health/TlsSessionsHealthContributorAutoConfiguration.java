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
 * Auto-configuration of the {@code tlsSessions} health contributor
 * ({@code management.health.tlssessions.enabled}).
 *
 * @since 0.1.0
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
