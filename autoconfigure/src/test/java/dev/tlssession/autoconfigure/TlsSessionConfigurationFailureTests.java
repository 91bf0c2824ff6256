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

package dev.tlssession.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionConfigurationException;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.TlsSessionStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code tls.session.cache-defaults} combines with the caches, and what a start-up
 * failure says: the property that exists, the value as written, where it was written, and
 * the fix. The failures are analysed by every failure analyzer registered in
 * {@code spring.factories}, with the application's environment, as Spring Boot does.
 */
class TlsSessionConfigurationFailureTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, TlsSessionAutoConfiguration.class));

	@Test
	void cacheDefaultsApplyToEveryCacheAndACacheSettingWins() {
		this.contextRunner
			.withPropertyValues("tls.session.cache-defaults.timeout=2h", "tls.session.cache-defaults.max-sessions=64",
					"tls.session.caches.payments.hosts=api.payments.test", "tls.session.caches.payments.timeout=30m")
			.run((context) -> {
				TlsSessionCaches caches = context.getBean(TlsSessionCaches.class);
				TlsSessionCacheSettings payments = caches.get("payments").settings();
				TlsSessionCacheSettings fallback = caches.get("default").settings();
				assertThat(payments.timeout()).isEqualTo(Duration.ofMinutes(30));
				assertThat(payments.maxSessions()).isEqualTo(64);
				assertThat(fallback.timeout()).isEqualTo(Duration.ofHours(2));
				assertThat(fallback.maxSessions()).isEqualTo(64);
				assertThat(payments.handshakeTimeout()).isEqualTo(TlsSessionCacheSettings.DEFAULTS.handshakeTimeout());
			});
	}

	@Test
	void aCacheThatSetsNothingHasTheBuiltInDefaults() {
		this.contextRunner.withPropertyValues("tls.session.caches.payments.hosts=api.payments.test")
			.run((context) -> assertThat(context.getBean(TlsSessionCaches.class).get("payments").settings())
				.isEqualTo(TlsSessionCacheSettings.DEFAULTS));
	}

	@Test
	void cacheDefaultsOfAFlagAreOverriddenPerCache() {
		this.contextRunner
			.withPropertyValues("tls.session.cache-defaults.reuse=false", "tls.session.caches.payments.reuse=true",
					"tls.session.caches.payments.hosts=api.payments.test")
			.run((context) -> {
				TlsSessionCaches caches = context.getBean(TlsSessionCaches.class);
				assertThat(caches.get("payments").settings().reuse()).isTrue();
				assertThat(caches.get("default").settings().reuse()).isFalse();
			});
	}

	@Test
	void badCacheDefaultNamesTheCacheDefaultsPropertyWhereItWasWritten() {
		FailureAnalysis analysis = failure(this.contextRunner, "config/invalid-cache-defaults.yml");
		assertThat(analysis.getDescription()).contains("Property: tls.session.cache-defaults.timeout\n")
			.contains("Value: \"8d\"")
			.contains("Origin: class path resource [config/invalid-cache-defaults.yml] - 4:16")
			.contains("Reason: must be more than 0 and at most 7 days");
		assertThat(analysis.getAction()).startsWith("Update tls.session.cache-defaults.timeout: ");
	}

	@Test
	void badCacheDefaultIsReportedEvenWhenEveryCacheOverridesIt() {
		FailureAnalysis analysis = failure(this.contextRunner.withPropertyValues(
				"tls.session.cache-defaults.max-sessions=0", "tls.session.caches.default.max-sessions=10"));
		assertThat(analysis.getDescription()).contains("Property: tls.session.cache-defaults.max-sessions\n");
	}

	@Test
	void badHostRuleNamesTheListElementWhereItWasWritten() {
		FailureAnalysis analysis = failure(this.contextRunner, "config/invalid-cache.yml");
		assertThat(analysis.getDescription()).contains("Property: tls.session.caches.payments.hosts[1]\n")
			.contains("Value: \"*.\"")
			.contains("Origin: class path resource [config/invalid-cache.yml] - 7:13");
		assertThat(analysis.getAction()).startsWith("Update tls.session.caches.payments.hosts: ");
	}

	@Test
	void valueWithAPlaceholderIsFoundAndShownResolved() {
		FailureAnalysis analysis = failure(this.contextRunner.withPropertyValues("upstream.port=0",
				"tls.session.caches.payments.hosts[0]=api.payments.test:${upstream.port}"));
		assertThat(analysis.getDescription()).contains("Property: tls.session.caches.payments.hosts[0]\n")
			.contains("Value: \"api.payments.test:0\"");
	}

	@Test
	void cacheValueOverDefaultIsAttributedToTheCache() {
		FailureAnalysis analysis = failure(this.contextRunner
			.withPropertyValues("tls.session.cache-defaults.timeout=2h", "tls.session.caches.default.timeout=90d"));
		assertThat(analysis.getDescription()).contains("Property: tls.session.caches.default.timeout\n")
			.contains("Value: \"90d\"");
	}

	@Test
	void jdkRefusesASettingItCannotHonourWhenCacheDefaultsSetIt() {
		FailureAnalysis analysis = failure(this.contextRunner.withPropertyValues("tls.session.provider=jdk",
				"tls.session.cache-defaults.evict-on-rejection=false"));
		assertThat(analysis.getDescription()).contains("Property: tls.session.cache-defaults.evict-on-rejection\n")
			.contains("Value: \"false\"")
			.contains("the jdk provider cannot honour it");
		assertThat(analysis.getAction())
			.contains("remove tls.session.cache-defaults.evict-on-rejection or set tls.session.provider=openssl");
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_19)
	void jdkBeforeJava20RefusesKeyExchangeGroupsNamingTheJavaVersion() {
		FailureAnalysis analysis = failure(this.contextRunner.withPropertyValues("tls.session.provider=jdk",
				"tls.session.caches.payments.key-exchange-groups[0]=x25519"));
		assertThat(analysis.getDescription()).contains("Property: tls.session.caches.payments.key-exchange-groups[0]\n")
			.contains("Value: \"x25519\"")
			.contains("needs Java 20 or later (SSLParameters.setNamedGroups), and this JVM is Java "
					+ Runtime.version().feature());
		assertThat(analysis.getAction())
			.contains("remove tls.session.caches.payments.key-exchange-groups or set tls.session.provider=openssl");
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_20)
	void jdkRefusesAGroupItDoesNotOfferNamingWhatItOffers() {
		FailureAnalysis analysis = failure(this.contextRunner.withPropertyValues("tls.session.provider=jdk",
				"tls.session.cache-defaults.key-exchange-groups[0]=x25519",
				"tls.session.cache-defaults.key-exchange-groups[1]=X25519MLKEM768"));
		assertThat(analysis.getDescription()).contains("Property: tls.session.cache-defaults.key-exchange-groups[1]\n")
			.contains("Value: \"X25519MLKEM768\"")
			.contains("does not offer this group; it offers [")
			.contains("x25519");
		assertThat(analysis.getAction()).contains("set tls.session.provider=openssl");
	}

	@Test
	void openSslRefusesAGroupBoringSslDoesNotOfferFromCacheDefaults() {
		FailureAnalysis analysis = failure(this.contextRunner.withPropertyValues("tls.session.provider=openssl",
				"tls.session.cache-defaults.key-exchange-groups[0]=x25519",
				"tls.session.cache-defaults.key-exchange-groups[1]=ffdhe2048"));
		assertThat(analysis.getDescription()).contains("Property: tls.session.cache-defaults.key-exchange-groups[1]\n")
			.contains("Value: \"ffdhe2048\"")
			.contains("BoringSSL does not offer this group");
		assertThat(analysis.getAction()).contains("Update tls.session.cache-defaults.key-exchange-groups:");
	}

	@Test
	void flagInCacheDefaultsWithoutAStoreNamesTheCacheDefaultsProperty() {
		FailureAnalysis analysis = failure(this.contextRunner.withPropertyValues("tls.session.provider=openssl",
				"tls.session.cache-defaults.no-internal-store=true"));
		assertThat(analysis.getDescription()).contains("Property: tls.session.cache-defaults.no-internal-store\n")
			.contains("without a TlsSessionStore bean for cache 'default'");
	}

	@Test
	void twoStoresForOneCacheNameTheBeansAndNoProperty() {
		FailureAnalysis analysis = failure(this.contextRunner.withPropertyValues("tls.session.provider=openssl")
			.withBean("firstStore", TlsSessionStore.class, NoStore::new)
			.withBean("secondStore", TlsSessionStore.class, NoStore::new));
		assertThat(analysis.getDescription()).contains("TLS session cache 'default'")
			.contains("Beans: " + NoStore.class.getName() + ", " + NoStore.class.getName())
			.contains("more than one TlsSessionStore bean supports this cache")
			.doesNotContain("Property:")
			.doesNotContain(".store");
		assertThat(analysis.getAction()).contains("TlsSessionStore.supports(String)");
	}

	@Test
	void storeOnTheJdkNamesTheBeanAndNoProperty() {
		FailureAnalysis analysis = failure(this.contextRunner.withPropertyValues("tls.session.provider=jdk")
			.withBean(TlsSessionStore.class, NoStore::new));
		assertThat(analysis.getDescription()).contains("Beans: " + NoStore.class.getName())
			.contains("the jdk provider cannot honour a TlsSessionStore")
			.doesNotContain(".store");
	}

	@Test
	void durationsAreWrittenAsUsersWriteThem() {
		assertThat(display(Duration.ofDays(8))).isEqualTo("8d");
		assertThat(display(Duration.ofSeconds(90))).isEqualTo("90s");
		assertThat(display(Duration.ofMillis(50))).isEqualTo("50ms");
		assertThat(display(Duration.ofMinutes(-1))).isEqualTo("-1m");
		assertThat(display(Duration.ZERO)).isEqualTo("0s");
		assertThat(new TlsSessionConfigurationException("payments", "timeout", Duration.ofDays(8), "too long", "fix"))
			.hasMessageContaining("'8d'");
	}

	private static String display(Duration duration) {
		return new TlsSessionConfigurationException(null, "timeout", duration, "reason", "action").getDisplayValue();
	}

	private static FailureAnalysis failure(ApplicationContextRunner runner, String yaml) {
		return failure(withYaml(runner, yaml));
	}

	private static FailureAnalysis failure(ApplicationContextRunner runner) {
		List<ConfigurableEnvironment> environment = new ArrayList<>();
		List<FailureAnalysis> analyses = new ArrayList<>();
		runner.withInitializer((context) -> environment.add(context.getEnvironment())).run((context) -> {
			assertThat(context).hasFailed();
			analyses.add(analyze(context.getStartupFailure(), environment.get(0)));
		});
		return analyses.get(0);
	}

	private static ApplicationContextRunner withYaml(ApplicationContextRunner runner, String yaml) {
		return runner.withInitializer((context) -> {
			try {
				for (PropertySource<?> source : new YamlPropertySourceLoader().load(yaml,
						new ClassPathResource(yaml))) {
					context.getEnvironment().getPropertySources().addFirst(source);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
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
		assertThat(analyzers).hasAtLeastOneElementOfType(TlsSessionConfigurationFailureAnalyzer.class);
		return analyzers.stream()
			.map((analyzer) -> analyzer.analyze(failure))
			.filter(Objects::nonNull)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no analysis of " + failure));
	}

	static final class NoStore implements TlsSessionStore {

		@Override
		public void onNewSession(String cache, TlsSessionKey key, TlsSession session) {
		}

		@Override
		public @Nullable TlsSession lookup(String cache, TlsSessionKey key) {
			return null;
		}

	}

}
