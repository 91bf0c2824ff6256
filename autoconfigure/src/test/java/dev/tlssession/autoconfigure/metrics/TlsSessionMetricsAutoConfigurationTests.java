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

import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLException;

import dev.tlssession.EvictionCause;
import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.autoconfigure.TlsSessionAutoConfiguration;
import dev.tlssession.jdk.JdkTlsSessionCache;
import dev.tlssession.metrics.TlsSessionMeterBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TlsSessionMetricsAutoConfiguration}.
 */
class TlsSessionMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, TlsSessionAutoConfiguration.class,
				MetricsAutoConfiguration.class, TlsSessionMetricsAutoConfiguration.class));

	@Test
	void runWithMeterRegistryShouldHaveMeterBinder() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(TlsSessionMeterBinder.class));
	}

	@Test
	void runWithoutMeterRegistryShouldNotHaveMeterBinder() {
		this.contextRunner
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TlsSessionMeterBinder.class));
	}

	@Test
	void runWithoutMicrometerShouldNotHaveMeterBinder() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TlsSessionMeterBinder.class));
	}

	@Test
	void runWithoutTlsSessionCachesShouldNotHaveMeterBinder() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("tls.session.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TlsSessionMeterBinder.class));
	}

	@Test
	void runWithUserDefinedCachesWhenTheStarterIsDisabledShouldHaveMeterBinder() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withUserConfiguration(UserCachesConfiguration.class)
			.withPropertyValues("tls.session.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TlsSessionMeterBinder.class));
	}

	@Test
	void runWhenUserDefinesMeterBinderShouldBackOff() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withBean("userTlsSessionMeterBinder", TlsSessionMeterBinder.class,
					() -> new TlsSessionMeterBinder(userCaches(), false))
			.run((context) -> assertThat(context).getBean(TlsSessionMeterBinder.class)
				.isSameAs(context.getBean("userTlsSessionMeterBinder")));
	}

	@Test
	void cacheSizeGaugeIsRegisteredWithCacheAndProviderTags() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context.getBean(MeterRegistry.class)
				.find("tls.session.cache.size")
				.tags("cache", "default", "provider", "openssl")
				.gauge()).isNotNull());
	}

	@Test
	void evictionCountersAreRegisteredPerCauseWithCacheAndProviderTags() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context.getBean(MeterRegistry.class)
				.find("tls.session.cache.evictions")
				.tags("cache", "default", "provider", "openssl")
				.functionCounters()).hasSize(EvictionCause.values().length));
	}

	@Test
	void hostTagIsOffByDefault() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context.getBean(TlsSessionMeterBinder.class))
				.hasFieldOrPropertyWithValue("hostTag", false));
	}

	@Test
	void hostTagIsTakenFromItsProperty() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("tls.session.metrics.host-tag=true")
			.run((context) -> assertThat(context.getBean(TlsSessionMeterBinder.class))
				.hasFieldOrPropertyWithValue("hostTag", true));
	}

	static TlsSessionCaches userCaches() {
		try {
			return new TlsSessionCaches(
					List.of(new JdkTlsSessionCache("user", TlsSessionCacheSettings.DEFAULTS, TlsMaterial.JVM_DEFAULT)),
					Map.of(), "user");
		}
		catch (SSLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UserCachesConfiguration {

		@Bean
		TlsSessionCaches userTlsSessionCaches() {
			return userCaches();
		}

	}

}
