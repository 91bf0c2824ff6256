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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.net.ssl.SSLException;

import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsProvider;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionConfigurationException;
import dev.tlssession.jdk.JdkTlsSessionCache;
import dev.tlssession.reactor.TlsSessionHttpClients;
import dev.tlssession.routing.RoutingSslContext;
import dev.tlssession.testsupport.TestPki;
import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.tcp.SslProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientSsl;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TlsSessionAutoConfiguration}, on Spring Boot's own HTTP client
 * auto-configurations: one condition per test.
 */
class TlsSessionAutoConfigurationTests {

	private static final String CONNECTOR_CUSTOMIZER = "tlsSessionClientHttpConnectorBuilderCustomizer";

	private static final String REQUEST_FACTORY_CUSTOMIZER = "tlsSessionClientHttpRequestFactoryBuilderCustomizer";

	/**
	 * Reactor Netty's resources wait 2s on shutdown by default, at every context close.
	 */
	private static final String NO_SHUTDOWN_QUIET_PERIOD = "spring.reactor.netty.shutdown-quiet-period=0s";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				TlsSessionAutoConfiguration.class))
		.withPropertyValues(NO_SHUTDOWN_QUIET_PERIOD);

	private ApplicationContextRunner withBundles(ApplicationContextRunner runner, String... names) {
		for (String name : names) {
			runner = runner.withPropertyValues(TestPki.get().sslBundlePropertyValues(name));
		}
		return runner;
	}

	static WebClient.Builder webClientBuilderFromBundle(ApplicationContext context, String bundle) {
		WebClient.Builder builder = context.getBean(WebClient.Builder.class);
		builder.apply(context.getBean(WebClientSsl.class).fromBundle(bundle));
		return builder;
	}

	static @Nullable SslContext sslContext(WebClient.Builder builder) {
		return sslContext((ClientHttpConnector) ReflectionTestUtils.getField(builder, "connector"));
	}

	static @Nullable SslContext sslContext(ClientHttpConnector connector) {
		return sslContext((HttpClient) ReflectionTestUtils.getField(connector, "httpClient"));
	}

	static HttpClient httpClient(ClientHttpRequestFactory requestFactory) {
		return (HttpClient) ReflectionTestUtils.getField(requestFactory, "httpClient");
	}

	static @Nullable SslContext sslContext(HttpClient httpClient) {
		SslProvider sslProvider = httpClient.configuration().sslProvider();
		return (sslProvider != null) ? sslProvider.getSslContext() : null;
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

	@Nested
	class Disabled {

		private final ApplicationContextRunner contextRunner = withBundles(
				TlsSessionAutoConfigurationTests.this.contextRunner, "test")
			.withPropertyValues("tls.session.enabled=false", "spring.http.clients.ssl.bundle=test");

		@Test
		void noCaches() {
			this.contextRunner
				.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TlsSessionCaches.class));
		}

		@Test
		void noConnectorCustomizers() {
			this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(CONNECTOR_CUSTOMIZER)
				.doesNotHaveBean(REQUEST_FACTORY_CUSTOMIZER));
		}

		@Test
		void bootClientHttpConnectorKeepsTheContextBootBuiltFromItsBundle() {
			this.contextRunner
				.run((context) -> assertThat(sslContext(context.getBean(ClientHttpConnector.class))).isNotNull()
					.isNotInstanceOf(RoutingSslContext.class));
		}

	}

	@Nested
	class Defaults {

		@Test
		void onlyTheDefaultCacheExists() {
			TlsSessionAutoConfigurationTests.this.contextRunner
				.run((context) -> assertThat(context.getBean(TlsSessionCaches.class).names())
					.containsExactly("default"));
		}

		@Test
		void defaultCacheHasTheDocumentedSettings() {
			TlsSessionCacheSettings documented = new TlsSessionCacheSettings(1024, 64, Duration.ofHours(1), true, true,
					true, false, false, Duration.ofSeconds(10));
			TlsSessionAutoConfigurationTests.this.contextRunner
				.run((context) -> assertThat(context.getBean(TlsSessionCaches.class).get("default").settings())
					.isEqualTo(documented));
		}

		@Test
		void unmatchedHostsUseTheDefaultCache() {
			TlsSessionAutoConfigurationTests.this.contextRunner.run((context) -> {
				TlsSessionCaches caches = context.getBean(TlsSessionCaches.class);
				assertThat(caches.forHost("api.example.com", 443)).isSameAs(caches.get("default"));
			});
		}

		@Test
		void providerIsOpenSslWhenNettyTcnativeLoads() {
			TlsSessionAutoConfigurationTests.this.contextRunner
				.run((context) -> assertThat(context.getBean(TlsSessionCaches.class).get("default").provider())
					.isEqualTo(TlsProvider.OPENSSL));
		}

		@Test
		void providerJdkMakesJdkCaches() {
			TlsSessionAutoConfigurationTests.this.contextRunner.withPropertyValues("tls.session.provider=jdk")
				.run((context) -> assertThat(context.getBean(TlsSessionCaches.class).get("default").provider())
					.isEqualTo(TlsProvider.JDK));
		}

	}

	@Nested
	class WithoutReactorNetty {

		private final ApplicationContextRunner contextRunner = TlsSessionAutoConfigurationTests.this.contextRunner
			.withClassLoader(new FilteredClassLoader(HttpClient.class));

		@Test
		void cachesStillExist() {
			this.contextRunner.run((context) -> assertThat(context).hasSingleBean(TlsSessionCaches.class));
		}

		@Test
		void noTlsSessionHttpClients() {
			this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(TlsSessionHttpClients.class));
		}

		@Test
		void noConnectorCustomizers() {
			this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(CONNECTOR_CUSTOMIZER)
				.doesNotHaveBean(REQUEST_FACTORY_CUSTOMIZER));
		}

	}

	@Nested
	class BackOff {

		@Test
		void userDefinedTlsSessionCaches() {
			TlsSessionAutoConfigurationTests.this.contextRunner.withUserConfiguration(UserCachesConfiguration.class)
				.run((context) -> assertThat(context).getBean(TlsSessionCaches.class)
					.isSameAs(context.getBean("userTlsSessionCaches")));
		}

		@Test
		void userDefinedTlsSessionHttpClients() {
			TlsSessionAutoConfigurationTests.this.contextRunner
				.withBean("userTlsSessionHttpClients", TlsSessionHttpClients.class,
						() -> new TlsSessionHttpClients(userCaches()))
				.run((context) -> assertThat(context).getBean(TlsSessionHttpClients.class)
					.isSameAs(context.getBean("userTlsSessionHttpClients")));
		}

		@Test
		void userDefinedWebClientTlsSessions() {
			TlsSessionAutoConfigurationTests.this.contextRunner
				.withBean("userWebClientTlsSessions", WebClientTlsSessions.class, () -> (cache) -> (builder) -> {
				})
				.run((context) -> assertThat(context).getBean(WebClientTlsSessions.class)
					.isSameAs(context.getBean("userWebClientTlsSessions")));
		}

		@Test
		void userDefinedTlsSessionClientRouting() {
			TlsSessionAutoConfigurationTests.this.contextRunner
				.withBean("userTlsSessionClientRouting", TlsSessionClientRouting.class,
						() -> new TlsSessionClientRouting(userCaches(), Map.of(), null))
				.run((context) -> assertThat(context).getBean(TlsSessionClientRouting.class)
					.isSameAs(context.getBean("userTlsSessionClientRouting")));
		}

	}

	@Nested
	class SharedSslContext {

		@Test
		void connectorsFromTheAutoConfiguredBuilderShareTheStarterContext() {
			TlsSessionAutoConfigurationTests.this.contextRunner.run((context) -> {
				ClientHttpConnectorBuilder<?> builder = context.getBean(ClientHttpConnectorBuilder.class);
				assertThat(sslContext(builder.build())).isInstanceOf(RoutingSslContext.class)
					.isSameAs(sslContext(builder.build()));
			});
		}

		@Test
		void connectorsFromTheAutoConfiguredBuilderUseTheCachesRoutingContext() {
			TlsSessionAutoConfigurationTests.this.contextRunner
				.run((context) -> assertThat(sslContext(context.getBean(ClientHttpConnectorBuilder.class).build()))
					.isSameAs(context.getBean(TlsSessionCaches.class).sslContext()));
		}

		@Test
		void webClientSslApplicationsOfABundleACacheUsesShareOneStarterContext() {
			withBundles(TlsSessionAutoConfigurationTests.this.contextRunner, "x")
				.withPropertyValues("tls.session.caches.default.ssl-bundle=x")
				.run((context) -> {
					SslContext first = sslContext(webClientBuilderFromBundle(context, "x"));
					assertThat(first).isInstanceOf(RoutingSslContext.class)
						.isSameAs(sslContext(webClientBuilderFromBundle(context, "x")));
				});
		}

		@Test
		void withoutTheStarterEachWebClientSslApplicationBuildsItsOwnContext() {
			ApplicationContextRunner withoutStarter = new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
						ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
				.withPropertyValues(NO_SHUTDOWN_QUIET_PERIOD);
			withBundles(withoutStarter, "x").run((context) -> {
				SslContext first = sslContext(webClientBuilderFromBundle(context, "x"));
				assertThat(first).isNotNull().isNotSameAs(sslContext(webClientBuilderFromBundle(context, "x")));
			});
		}

		@Test
		void autoConfiguredClientHttpConnectorInAReactiveWebApplicationUsesTheStarterContext() {
			new ReactiveWebApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
						ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
						TlsSessionAutoConfiguration.class))
				.withPropertyValues(NO_SHUTDOWN_QUIET_PERIOD)
				.run((context) -> assertThat(sslContext(context.getBean(ClientHttpConnector.class)))
					.isSameAs(context.getBean(TlsSessionCaches.class).sslContext()));
		}

	}

	@Nested
	@ExtendWith(OutputCaptureExtension.class)
	class BundleNoCacheUses {

		private final ApplicationContextRunner contextRunner = withBundles(
				TlsSessionAutoConfigurationTests.this.contextRunner, "x", "other")
			.withPropertyValues("tls.session.caches.default.ssl-bundle=x");

		@Test
		void clientKeepsTheContextBootBuilt() {
			this.contextRunner
				.run((context) -> assertThat(sslContext(webClientBuilderFromBundle(context, "other"))).isNotNull()
					.isNotInstanceOf(RoutingSslContext.class));
		}

		@Test
		void warningIsLoggedOnce(CapturedOutput output) {
			this.contextRunner.run((context) -> {
				webClientBuilderFromBundle(context, "other");
				webClientBuilderFromBundle(context, "other");
				assertThat(output.getOut().split("SSL bundle 'other' that no TLS session cache uses", -1)).hasSize(2);
			});
		}

	}

	@Nested
	class RestClient {

		private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
					TlsSessionAutoConfiguration.class))
			.withPropertyValues("spring.http.clients.imperative.factory=reactor", NO_SHUTDOWN_QUIET_PERIOD);

		@Test
		void requestFactoryBuilderIsTheStarters() {
			this.contextRunner.run((context) -> assertThat(context).getBean(ClientHttpRequestFactoryBuilder.class)
				.isInstanceOf(TlsSessionClientHttpRequestFactoryBuilder.class));
		}

		@Test
		void requestFactoryUsesTheStarterContext() {
			this.contextRunner
				.run((context) -> assertThat(sslContext(httpClient(context.getBean(ClientHttpRequestFactory.class))))
					.isSameAs(context.getBean(TlsSessionCaches.class).sslContext()));
		}

	}

	@Nested
	class Validation {

		static Stream<Arguments> invalidSettings() {
			String cache = "tls.session.caches.payments.";
			return Stream.of(invalid(cache + "max-sessions", "0", "0", "set a positive size"),
					invalid(cache + "max-sessions", "-1", "-1", "set a positive size"),
					invalid(cache + "max-sessions-per-host", "0", "0", "set a value from 1 to max-sessions"),
					invalid(cache + "max-sessions-per-host", "3", "3", "set a value from 1 to max-sessions",
							cache + "max-sessions=2"),
					invalid(cache + "timeout", "0", "0", "set a duration such as 1h"),
					invalid(cache + "timeout", "-1s", "-1s", "set a duration such as 1h"),
					invalid(cache + "timeout", "8d", "8d", "set a duration such as 1h"),
					invalid(cache + "handshake-timeout", "0", "0", "set a duration such as 10s"),
					invalid("tls.session.default-cache", "missing", "missing",
							"declare tls.session.caches.missing or name one of the declared caches"),
					invalid(cache + "ssl-bundle", "missing", "missing", "declare spring.ssl.bundle.pem.missing"),
					invalidHostRule(""), invalidHostRule("*."), invalidHostRule("a..b"),
					invalidHostRule("api.example.com:0"), invalidHostRule("api.example.com:70000"),
					invalidHostRule("*foo.com"), invalidHostRule("127.0.0.1"), invalidHostRule("[::1]"),
					invalid(cache + "hosts", "api.example.com", "api.example.com",
							"remove it from tls.session.caches.catalog.hosts",
							"tls.session.caches.catalog.hosts=api.example.com"),
					unsupportedByJdk("single-use-tickets", "false"), unsupportedByJdk("evict-on-rejection", "false"),
					unsupportedByJdk("no-internal-store", "true"), unsupportedByJdk("no-internal-lookup", "true"),
					invalid(cache + "no-internal-store", "true", "true",
							"declare a TlsSessionStore bean for this cache, or remove the setting"),
					invalid(cache + "no-internal-lookup", "true", "true",
							"declare a TlsSessionStore bean for this cache, or remove the setting"),
					invalid(cache + "key-exchange-groups[0]", "P-999", "P-999",
							"list groups such as [x25519], most preferred first"),
					invalid(cache + "key-exchange-groups[1]", "X25519", "X25519",
							"list groups such as [x25519], most preferred first",
							cache + "key-exchange-groups[0]=x25519"),
					invalid(cache + "key-exchange-groups[0]", "x448", "x448", "list groups BoringSSL offers",
							"tls.session.provider=openssl"),
					invalid("tls.session.store-timeout", "0", "0", "set a short duration such as 50ms"),
					invalid("tls.session.store-timeout", "1m", "1m", "set a short duration such as 50ms"));
		}

		private static Arguments invalidHostRule(String rule) {
			return invalid("tls.session.caches.payments.hosts[0]", rule, rule,
					"use a host name such as api.example.com or *.example.com");
		}

		private static Arguments unsupportedByJdk(String setting, String value) {
			String property = "tls.session.caches.payments." + setting;
			return invalid(property, value, value, "remove " + property + " or set tls.session.provider=openssl",
					"tls.session.provider=jdk");
		}

		private static Arguments invalid(String property, String value, String reported, String fix,
				String... otherProperties) {
			String[] properties = Stream.concat(Stream.of(otherProperties), Stream.of(property + "=" + value))
				.toArray(String[]::new);
			return Arguments.of(property + "=" + value, properties, property, reported, fix);
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("invalidSettings")
		void failureAnalysisNamesThePropertyTheValueAsWrittenAndTheFix(String description, String[] properties,
				String property, String value, String fix) {
			List<ConfigurableEnvironment> environment = new ArrayList<>();
			TlsSessionAutoConfigurationTests.this.contextRunner.withPropertyValues(properties)
				.withInitializer((context) -> environment.add(context.getEnvironment()))
				.run((context) -> {
					assertThat(context).getFailure().hasRootCauseInstanceOf(TlsSessionConfigurationException.class);
					FailureAnalysis analysis = new TlsSessionConfigurationFailureAnalyzer(environment.get(0))
						.analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("Property: " + property + "\n")
						.contains("Value: \"" + value + "\"");
					assertThat(analysis.getAction())
						.startsWith("Update " + property.replaceAll("\\[\\d+\\]", "") + ": ")
						.contains(fix);
				});
		}

		@Test
		void failureAnalyzerIsRegistered() {
			List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
				.load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(),
						SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
						}));
			assertThat(analyzers).hasAtLeastOneElementOfType(TlsSessionConfigurationFailureAnalyzer.class);
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
