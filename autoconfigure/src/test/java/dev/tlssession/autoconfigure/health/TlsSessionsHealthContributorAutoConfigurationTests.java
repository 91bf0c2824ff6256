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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.net.ssl.SSLException;

import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.autoconfigure.TlsSessionAutoConfiguration;
import dev.tlssession.health.TlsSessionsHealthIndicator;
import dev.tlssession.jdk.JdkTlsSessionCache;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TlsSessionsHealthContributorAutoConfiguration}.
 */
class TlsSessionsHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, TlsSessionAutoConfiguration.class,
				TlsSessionsHealthContributorAutoConfiguration.class));

	@Test
	void runShouldHaveIndicator() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(TlsSessionsHealthIndicator.class)
			.hasBean("tlsSessionsHealthIndicator"));
	}

	@Test
	void runWhenDisabledShouldNotHaveIndicator() {
		this.contextRunner.withPropertyValues("management.health.tlssessions.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TlsSessionsHealthIndicator.class));
	}

	@Test
	void runWhenHealthIndicatorsAreDisabledByDefaultShouldNotHaveIndicator() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TlsSessionsHealthIndicator.class));
	}

	@Test
	void runWhenDisabledByDefaultButEnabledShouldHaveIndicator() {
		this.contextRunner
			.withPropertyValues("management.health.defaults.enabled=false",
					"management.health.tlssessions.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(TlsSessionsHealthIndicator.class));
	}

	@Test
	void runWithoutTlsSessionCachesShouldNotHaveIndicator() {
		this.contextRunner.withPropertyValues("tls.session.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TlsSessionsHealthIndicator.class));
	}

	@Test
	void runWithoutSpringBootHealthShouldNotHaveIndicator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TlsSessionsHealthIndicator.class));
	}

	@Test
	void runWhenUserDefinesIndicatorShouldBackOff() {
		this.contextRunner
			.withBean("tlsSessionsHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(TlsSessionsHealthIndicator.class)
				.hasSingleBean(HealthIndicator.class));
	}

	@Test
	void runWithUserDefinedCachesWhenTheStarterIsDisabledShouldHaveIndicator() {
		this.contextRunner.withPropertyValues("tls.session.enabled=false")
			.withBean(TlsSessionCaches.class, TlsSessionsHealthContributorAutoConfigurationTests::userCaches)
			.run((context) -> assertThat(context).hasSingleBean(TlsSessionsHealthIndicator.class));
	}

	@Test
	void windowIsBoundWithItsDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(TlsSessionsHealthProperties.class).window()).isEqualTo(Duration.ofMinutes(5));
			assertThat(health(context.getBean(TlsSessionsHealthIndicator.class)).getDetails()).containsEntry("window",
					"PT5M");
		});
	}

	@Test
	void windowIsTakenFromItsProperty() {
		this.contextRunner.withPropertyValues("management.health.tlssessions.window=30s")
			.run((context) -> assertThat(health(context.getBean(TlsSessionsHealthIndicator.class)).getDetails())
				.containsEntry("window", "PT30S"));
	}

	@Test
	void zeroWindowFailsStartUpWhereItWasWritten() {
		List<ConfigurableEnvironment> environment = new ArrayList<>();
		this.contextRunner.withInitializer((context) -> {
			environment.add(context.getEnvironment());
			try {
				for (PropertySource<?> source : new YamlPropertySourceLoader().load("invalid-health-window",
						new ClassPathResource("config/invalid-health-window.yml"))) {
					context.getEnvironment().getPropertySources().addFirst(source);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).run((context) -> {
			assertThat(context).getFailure().hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class);
			FailureAnalysis analysis = analyze(context.getStartupFailure(), environment.get(0));
			assertThat(analysis.getDescription())
				.contains("Invalid value '0s' for configuration property 'management.health.tlssessions.window'")
				.contains("class path resource [config/invalid-health-window.yml] - 4:15")
				.contains("the window must be more than 0");
		});
	}

	@Test
	void negativeWindowFailsStartUp() {
		this.contextRunner.withPropertyValues("management.health.tlssessions.window=-1m")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("management.health.tlssessions.window"));
	}

	@Test
	void windowIsNotCheckedWhenTheIndicatorIsDisabled() {
		this.contextRunner
			.withPropertyValues("management.health.tlssessions.enabled=false",
					"management.health.tlssessions.window=0s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static Health health(TlsSessionsHealthIndicator indicator) {
		Health health = indicator.health(true);
		assertThat(health).isNotNull();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		return health;
	}

	/**
	 * What Spring Boot reports: the first analysis of the registered failure analyzers,
	 * built with the environment.
	 */
	private static FailureAnalysis analyze(Throwable failure, Environment environment) {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, environment),
					SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
					}));
		return analyzers.stream()
			.map((analyzer) -> analyzer.analyze(failure))
			.filter(Objects::nonNull)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no analysis of " + failure));
	}

	private static TlsSessionCaches userCaches() {
		try {
			return new TlsSessionCaches(
					List.of(new JdkTlsSessionCache("user", TlsSessionCacheSettings.DEFAULTS, TlsMaterial.JVM_DEFAULT)),
					Map.of(), "user");
		}
		catch (SSLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
