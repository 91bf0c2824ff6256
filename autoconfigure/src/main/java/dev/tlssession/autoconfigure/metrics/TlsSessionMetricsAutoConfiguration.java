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
 * Auto-configuration of the {@code tls.session.*} meters, when Micrometer and a meter
 * registry are present. It binds {@link TlsSessionProperties} itself: an application that
 * turns the starter off and defines its own {@link TlsSessionCaches} still gets meters,
 * and {@code tls.session.metrics.*} still applies to them.
 *
 * @since 0.1.0
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
