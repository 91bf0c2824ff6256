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

package dev.tlssession.autoconfigure.gateway;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.function.BiConsumer;

import dev.tlssession.TlsSessionCaches;
import dev.tlssession.autoconfigure.TlsSessionAutoConfiguration;
import dev.tlssession.autoconfigure.TlsSessionClientRouting;
import dev.tlssession.routing.RoutingSslContext;
import dev.tlssession.testsupport.TestPki;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.http.client.HttpClient;
import reactor.netty.tcp.SslProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.cloud.gateway.config.GatewayAutoConfiguration;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TlsSessionGatewayAutoConfiguration}: one condition per test, and the
 * rule for each of the gateway's SSL settings, read off the {@code HttpClient} the
 * gateway builds.
 */
@ExtendWith(OutputCaptureExtension.class)
class TlsSessionGatewayAutoConfigurationTests {

	private static final String KEEPS_ITS_OWN = "Spring Cloud Gateway's HTTP client keeps its own TLS context";

	private static final String SSL = "spring.cloud.gateway.server.webflux.httpclient.ssl.";

	@TempDir
	static Path directory;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(SslAutoConfiguration.class, TlsSessionAutoConfiguration.class, TlsSessionGatewayAutoConfiguration.class));

	private final ReactiveWebApplicationContextRunner gateway = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, TlsSessionAutoConfiguration.class,
				TlsSessionGatewayAutoConfiguration.class, WebFluxAutoConfiguration.class,
				GatewayAutoConfiguration.class))
		.withPropertyValues(TestPki.get().sslBundlePropertyValues("test"))
		.withPropertyValues(TestPki.create("Other CA").sslBundlePropertyValues("other"))
		.withPropertyValues("spring.reactor.netty.shutdown-quiet-period=0s");

	@Test
	void customizerIsRegisteredWhenTheGatewayIsOnTheClassPath() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(TlsSessionGatewayHttpClientCustomizer.class)
			.getBean(TlsSessionGatewayHttpClientCustomizer.class)
			.isInstanceOf(HttpClientCustomizer.class));
	}

	@Test
	void noGatewayCodeIsLoadedWithoutTheGatewayOnTheClassPath() {
		// a reference to a gateway type from the starter would fail the context with
		// NoClassDefFoundError
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.cloud.gateway"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(TlsSessionCaches.class)
				.doesNotHaveBean(TlsSessionGatewayHttpClientCustomizer.class)
				.doesNotHaveBean(TlsSessionGatewayProperties.class));
	}

	@Test
	void nothingWithoutReactorNetty() {
		this.runner.withClassLoader(new FilteredClassLoader(HttpClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TlsSessionGatewayHttpClientCustomizer.class));
	}

	@Test
	void nothingWhenTheStarterIsDisabled() {
		this.runner.withPropertyValues("tls.session.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TlsSessionGatewayHttpClientCustomizer.class));
	}

	@Test
	void nothingWhenTheGatewayPartIsDisabled() {
		this.runner.withPropertyValues("tls.session.gateway.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(TlsSessionCaches.class)
				.doesNotHaveBean(TlsSessionGatewayHttpClientCustomizer.class));
	}

	@Test
	void backsOffFromACustomizerOfTheApplication() {
		this.runner
			.withBean("mine", TlsSessionGatewayHttpClientCustomizer.class,
					() -> new TlsSessionGatewayHttpClientCustomizer(null, null, null))
			.run((context) -> assertThat(context).getBeanNames(TlsSessionGatewayHttpClientCustomizer.class)
				.containsExactly("mine"));
	}

	@Test
	void withoutSslSettingsTheGatewayRoutesByHostAmongEveryCache(CapturedOutput output) {
		this.gateway
			.withPropertyValues("tls.session.caches.payments.hosts=payments.test",
					"tls.session.caches.payments.ssl-bundle=test")
			.run(gatewayClient((context, client) -> {
				assertThat(sslContext(client)).isSameAs(context.getBean(TlsSessionCaches.class).sslContext());
				assertThat(output).doesNotContain(KEEPS_ITS_OWN);
			}));
	}

	@Test
	void gatewayBundleRoutesAmongTheCachesOfThatBundle(CapturedOutput output) {
		this.gateway
			.withPropertyValues(SSL + "ssl-bundle=test", "tls.session.caches.payments.hosts=payments.test",
					"tls.session.caches.payments.ssl-bundle=test", "tls.session.caches.other.hosts=other.test",
					"tls.session.caches.other.ssl-bundle=other", "tls.session.caches.shared.ssl-bundle=test")
			.run(gatewayClient((context, client) -> {
				RoutingSslContext routing = (RoutingSslContext) sslContext(client);
				TlsSessionCaches caches = context.getBean(TlsSessionCaches.class);
				assertThat(routing).isNotSameAs(caches.sslContext());
				assertThat(routing).isSameAs(context.getBean(TlsSessionClientRouting.class).contextForBundle("test"));
				assertThat(output).doesNotContain(KEEPS_ITS_OWN);
			}));
	}

	@Test
	void gatewayBundleThatNoCacheUsesKeepsTheGatewaysContext(CapturedOutput output) {
		this.gateway.withPropertyValues(SSL + "ssl-bundle=other", "tls.session.caches.default.ssl-bundle=test")
			.run(gatewayClient((context, client) -> {
				assertThat(sslContext(client)).isNotInstanceOf(RoutingSslContext.class);
				assertThat(output).containsOnlyOnce(KEEPS_ITS_OWN)
					.contains("no TLS session cache uses the SSL bundle 'other'");
			}));
	}

	@Test
	void unknownGatewayBundleIsIgnoredAsTheGatewayDoesWithANotice(CapturedOutput output) {
		this.gateway.withPropertyValues(SSL + "ssl-bundle=missing").run(gatewayClient((context, client) -> {
			assertThat(sslContext(client)).isSameAs(context.getBean(TlsSessionCaches.class).sslContext());
			assertThat(output).contains("ssl-bundle names 'missing', which is not a registered SSL bundle");
		}));
	}

	@Test
	void trustedCertificatesKeepTheGatewaysContext(CapturedOutput output) {
		Path root = TestPki.get().writeRootPem(directory.resolve("trusted"));
		this.gateway
			.withPropertyValues(SSL + "trusted-x509-certificates=file:" + root, SSL + "ssl-bundle=test",
					"tls.session.caches.default.ssl-bundle=test")
			.run(gatewayClient((context, client) -> {
				assertThat(sslContext(client)).isNotInstanceOf(RoutingSslContext.class);
				assertThat(output).containsOnlyOnce(KEEPS_ITS_OWN).contains("trusted-x509-certificates");
			}));
	}

	@Test
	void insecureTrustManagerKeepsTheGatewaysContext(CapturedOutput output) {
		this.gateway.withPropertyValues(SSL + "use-insecure-trust-manager=true")
			.run(gatewayClient((context, client) -> {
				assertThat(sslContext(client)).isNotInstanceOf(RoutingSslContext.class);
				assertThat(output).containsOnlyOnce(KEEPS_ITS_OWN).contains("use-insecure-trust-manager=true");
			}));
	}

	@Test
	void keyStoreKeepsTheGatewaysContextAndNoSecretIsLogged(CapturedOutput output) throws Exception {
		Path keyStore = keyStore(TestPki.get().client("gateway"), "s3cr3t-password");
		this.gateway
			.withPropertyValues(SSL + "key-store=file:" + keyStore, SSL + "key-store-type=PKCS12",
					SSL + "key-store-password=s3cr3t-password")
			.run(gatewayClient((context, client) -> {
				assertThat(sslContext(client)).isNotInstanceOf(RoutingSslContext.class);
				assertThat(output).containsOnlyOnce(KEEPS_ITS_OWN).contains("key-store").doesNotContain("s3cr3t");
			}));
	}

	@Test
	void http2KeepsTheGatewaysContext(CapturedOutput output) {
		this.gateway.withPropertyValues("server.http2.enabled=true").run(gatewayClient((context, client) -> {
			assertThat(client.configuration().sslProvider()).isNull();
			assertThat(output).containsOnlyOnce(KEEPS_ITS_OWN).contains("server.http2.enabled=true");
		}));
	}

	@Test
	void gatewayClientOnTheCachesCarriesTheGatewaysTimeouts() {
		this.gateway
			.withPropertyValues(SSL + "handshake-timeout=3s", SSL + "close-notify-flush-timeout=1500ms",
					SSL + "close-notify-read-timeout=200ms")
			.run(gatewayClient((context, client) -> {
				assertThat(sslContext(client)).isInstanceOf(RoutingSslContext.class);
				SslHandler handler = jdkHandler();
				// what Reactor Netty does with each connection's handler
				client.configuration().sslProvider().configure(handler);
				assertThat(handler.getHandshakeTimeoutMillis()).isEqualTo(3000);
				assertThat(handler.getCloseNotifyFlushTimeoutMillis()).isEqualTo(1500);
				assertThat(handler.getCloseNotifyReadTimeoutMillis()).isEqualTo(200);
			}));
	}

	@Test
	void gatewayTimeoutsAreCarriedOverToEachConnection() throws Exception {
		HttpClientProperties.Ssl ssl = new HttpClientProperties.Ssl();
		ssl.setHandshakeTimeout(Duration.ofSeconds(3));
		ssl.setCloseNotifyFlushTimeout(Duration.ofMillis(1500));
		ssl.setCloseNotifyReadTimeout(Duration.ofMillis(200));
		SslHandler handler = jdkHandler();
		handler.setHandshakeTimeoutMillis(4000);
		GatewayTlsRule.connectionSettings(ssl).accept(handler);
		assertThat(handler.getHandshakeTimeoutMillis()).isEqualTo(3000);
		assertThat(handler.getCloseNotifyFlushTimeoutMillis()).isEqualTo(1500);
		assertThat(handler.getCloseNotifyReadTimeoutMillis()).isEqualTo(200);
	}

	@Test
	void atTheGatewaysDefaultHandshakeTimeoutTheCachesOwnStays() throws Exception {
		SslHandler handler = jdkHandler();
		// what the cache set for the connection
		handler.setHandshakeTimeoutMillis(4000);
		GatewayTlsRule.connectionSettings(new HttpClientProperties.Ssl()).accept(handler);
		assertThat(handler.getHandshakeTimeoutMillis()).isEqualTo(4000);
		assertThat(handler.getCloseNotifyFlushTimeoutMillis()).isEqualTo(3000);
		assertThat(handler.getCloseNotifyReadTimeoutMillis()).isZero();
	}

	@Test
	void gatewayWithoutTheStarterKeepsItsOwnConfiguration() {
		this.gateway.withPropertyValues("tls.session.enabled=false", SSL + "ssl-bundle=test")
			.run(gatewayClient(
					(context, client) -> assertThat(sslContext(client)).isNotInstanceOf(RoutingSslContext.class)));
	}

	@Test
	void customizerOfTheApplicationThatSecuresTheClientWins() throws Exception {
		SslContext own = SslContextBuilder.forClient().build();
		this.gateway
			.withBean(HttpClientCustomizer.class, () -> (client) -> client.secure((spec) -> spec.sslContext(own)))
			.run(gatewayClient((context, client) -> assertThat(sslContext(client)).isSameAs(own)));
	}

	private static ContextConsumer<AssertableReactiveWebApplicationContext> gatewayClient(
			BiConsumer<AssertableReactiveWebApplicationContext, HttpClient> check) {
		return (context) -> {
			assertThat(context).hasNotFailed();
			check.accept(context, context.getBean(HttpClient.class));
		};
	}

	private static SslHandler jdkHandler() {
		try {
			return SslContextBuilder.forClient()
				.sslProvider(io.netty.handler.ssl.SslProvider.JDK)
				.build()
				.newHandler(ByteBufAllocator.DEFAULT, "localhost", 443);
		}
		catch (javax.net.ssl.SSLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static SslContext sslContext(HttpClient client) {
		SslProvider provider = client.configuration().sslProvider();
		assertThat(provider).as("the gateway's client is secured").isNotNull();
		return provider.getSslContext();
	}

	private static Path keyStore(X509Bundle identity, String password) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("gateway", identity.getKeyPair().getPrivate(), password.toCharArray(),
				new Certificate[] { identity.getCertificate() });
		Path file = Files.createDirectories(directory.resolve("keystore")).resolve("gateway.p12");
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, password.toCharArray());
		}
		return file;
	}

}
