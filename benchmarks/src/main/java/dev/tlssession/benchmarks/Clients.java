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

package dev.tlssession.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.jdk.JdkTlsSessionCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.resolver.DefaultAddressResolverGroup;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.webclient.autoconfigure.WebClientSsl;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The client configurations compared in one run, each a WebClient built the way an
 * application would:
 * <ul>
 * <li>(a) {@code boot}: plain Boot, the auto-configured {@code WebClient.Builder}, no SSL
 * bundle (Reactor Netty's default client context; the JVM's default trust store holds the
 * benchmark authorities);
 * <li>(b) {@code boot-bundle}: plain Boot,
 * {@code builder.apply(webClientSsl.fromBundle("bench")).build()} for every request, as
 * code that builds its client where it calls does (a new Netty context each time);
 * <li>(b+) {@code boot-bundle+starter}: the same code with the starter present;
 * <li>(c) {@code no-resumption}: the starter on openssl with
 * {@code tls.session.caches.default.reuse=false} (the floor);
 * <li>(d) {@code starter-openssl}: the starter, provider openssl, auto-configured
 * builder, default cache with {@code ssl-bundle=bench};
 * <li>(d4) {@code starter-openssl-4}: (d) with {@code max-sessions-per-host=4}, the
 * default before the per-host depth followed demand (it then kept exactly 4 per
 * upstream);
 * <li>(dx) {@code starter-openssl-x25519}: (d) with
 * {@code key-exchange-groups=x25519,secp256r1};
 * <li>(e) {@code starter-jdk}: the same as (d) on provider jdk;
 * <li>(e1) {@code starter-jdk-1}: (e) with {@code max-sessions-per-host=1}, one lane per
 * upstream: the JDK's own cache as the starter used it before lanes;
 * <li>(ex) {@code starter-jdk-x25519}: (e) with {@code key-exchange-groups=x25519} (Java
 * 20 and later);
 * <li>(f) {@code raw-netty}: the auto-configured builder with a connector on
 * {@code HttpClient.create().secure(spec -> spec.sslContext(shared))}, one shared
 * BoringSSL context (Netty's own session cache, no starter): the ceiling;
 * <li>(fj) {@code boot-jdk}: plain Boot as on a JVM without netty-tcnative: the same
 * connector with Reactor Netty's default HTTP/1.1 client context on the JDK, shared (the
 * JDK's own cache): the ceiling of the jdk provider.
 * </ul>
 * Every client but (b) is built once. All share Reactor Netty's global event loops and
 * connection pool.
 */
final class Clients implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	final Config boot;

	final Config bootBundle;

	final Config bootBundleStarter;

	final Config noResumption;

	final Config starterOpenSsl;

	final Config starterJdk;

	final Config starterOpenSsl4;

	final Config starterOpenSslX25519;

	final Config starterJdk1;

	final @Nullable Config starterJdkX25519;

	final Config rawNetty;

	final Config bootJdk;

	private final ConfigurableApplicationContext openSslContext;

	private final Map<String, ConfigurableApplicationContext> starters = new LinkedHashMap<>();

	Clients(Pki pki) {
		ConfigurableApplicationContext plain = start(pki, "tls.session.enabled=false");
		ConfigurableApplicationContext openssl = starter("starter-openssl", pki, "openssl");
		ConfigurableApplicationContext noReuse = start(pki, "tls.session.provider=openssl",
				"tls.session.caches.default.ssl-bundle=bench", "tls.session.caches.default.reuse=false");
		ConfigurableApplicationContext openssl4 = starter("starter-openssl-4", pki, "openssl",
				"tls.session.caches.default.max-sessions-per-host=4");
		ConfigurableApplicationContext opensslX25519 = starter("starter-openssl-x25519", pki, "openssl",
				"tls.session.caches.default.key-exchange-groups=x25519,secp256r1");
		ConfigurableApplicationContext jdk = starter("starter-jdk", pki, "jdk");
		ConfigurableApplicationContext jdk1 = starter("starter-jdk-1", pki, "jdk",
				"tls.session.caches.default.max-sessions-per-host=1");
		ConfigurableApplicationContext jdkX25519 = JdkTlsSessionCache.supportsKeyExchangeGroups()
				? starter("starter-jdk-x25519", pki, "jdk", "tls.session.caches.default.key-exchange-groups=x25519")
				: null;
		this.openSslContext = openssl;
		this.boot = new Config("boot", "a", retrieve(builder(plain).build()));
		this.bootBundle = new Config("boot-bundle", "b", perRequestFromBundle(plain));
		this.bootBundleStarter = new Config("boot-bundle+starter", "b+", perRequestFromBundle(openssl));
		this.noResumption = new Config("no-resumption", "c", retrieve(builder(noReuse).build()));
		this.starterOpenSsl = new Config("starter-openssl", "d", retrieve(builder(openssl).build()));
		this.starterOpenSsl4 = new Config("starter-openssl-4", "d4", retrieve(builder(openssl4).build()));
		this.starterOpenSslX25519 = new Config("starter-openssl-x25519", "dx",
				retrieve(builder(opensslX25519).build()));
		this.starterJdk = new Config("starter-jdk", "e", retrieve(builder(jdk).build()));
		this.starterJdk1 = new Config("starter-jdk-1", "e1", retrieve(builder(jdk1).build()));
		this.starterJdkX25519 = (jdkX25519 != null)
				? new Config("starter-jdk-x25519", "ex", retrieve(builder(jdkX25519).build())) : null;
		SslContext shared = sharedContext(pki, SslProvider.OPENSSL);
		HttpClient raw = HttpClient.create()
			.resolver(DefaultAddressResolverGroup.INSTANCE)
			.secure((spec) -> spec.sslContext(shared));
		this.rawNetty = new Config("raw-netty", "f",
				retrieve(builder(plain).clientConnector(new ReactorClientHttpConnector(raw)).build()));
		// Reactor Netty's default client context where netty-tcnative is absent: HTTP/1.1
		// on the JDK, JVM trust
		HttpClient onJdk = HttpClient.create()
			.resolver(DefaultAddressResolverGroup.INSTANCE)
			.secure((spec) -> spec.sslContext(
					Http11SslContextSpec.forClient().configure((builder) -> builder.sslProvider(SslProvider.JDK))));
		this.bootJdk = new Config("boot-jdk", "fj",
				retrieve(builder(plain).clientConnector(new ReactorClientHttpConnector(onJdk)).build()));
	}

	private ConfigurableApplicationContext starter(String id, Pki pki, String provider, String... properties) {
		List<String> all = new ArrayList<>(
				List.of("tls.session.provider=" + provider, "tls.session.caches.default.ssl-bundle=bench"));
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = start(pki, all.toArray(String[]::new));
		this.starters.put(id, context);
		return context;
	}

	/**
	 * Every configuration this JVM can run.
	 * @return the configurations
	 */
	List<Config> all() {
		List<Config> all = new ArrayList<>(List.of(this.boot, this.bootBundle, this.bootBundleStarter,
				this.noResumption, this.starterOpenSsl, this.starterOpenSsl4, this.starterOpenSslX25519,
				this.starterJdk, this.starterJdk1, this.rawNetty, this.bootJdk));
		if (this.starterJdkX25519 != null) {
			all.add(this.starterJdkX25519);
		}
		return all;
	}

	/**
	 * The starter's default cache of a configuration.
	 * @param config the configuration
	 * @return its cache, or {@code null} when the configuration has no starter
	 */
	@Nullable TlsSessionCache cache(Config config) {
		ConfigurableApplicationContext context = this.starters.get(config.id());
		return (context != null) ? context.getBean(TlsSessionCaches.class).get("default") : null;
	}

	static SslContext sharedContext(Pki pki, SslProvider provider) {
		try {
			return SslContextBuilder.forClient().trustManager(pki.trustManagerFactory()).sslProvider(provider).build();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ConfigurableApplicationContext start(Pki pki, String... properties) {
		ConfigurableApplicationContext context = BenchApplication.start(pki, properties);
		this.contexts.add(context);
		return context;
	}

	private static WebClient.Builder builder(ConfigurableApplicationContext context) {
		return context.getBean(WebClient.Builder.class);
	}

	private static Function<String, Mono<String>> retrieve(WebClient client) {
		return (url) -> client.get().uri(url).retrieve().bodyToMono(String.class).timeout(TIMEOUT);
	}

	private static Function<String, Mono<String>> perRequestFromBundle(ConfigurableApplicationContext context) {
		WebClient.Builder builder = builder(context);
		WebClientSsl ssl = context.getBean(WebClientSsl.class);
		return (url) -> Mono.defer(() -> retrieve(builder.clone().apply(ssl.fromBundle("bench")).build()).apply(url));
	}

	/**
	 * The starter's meter registry, to show that its meters saw the handshakes.
	 * @return the registry of the openssl context
	 */
	MeterRegistry openSslMeters() {
		return this.openSslContext.getBean(MeterRegistry.class);
	}

	TlsSessionCaches openSslCaches() {
		return this.openSslContext.getBean(TlsSessionCaches.class);
	}

	@Override
	public void close() {
		// Boot's ReactorResourceFactory disposes Reactor Netty's global resources on
		// close; later clients recreate them
		for (ConfigurableApplicationContext context : this.contexts) {
			context.close();
		}
	}

	/** One configuration: its id, its letter and how it makes a request to a URL. */
	record Config(String id, String letter, Function<String, Mono<String>> request) {
	}

}
