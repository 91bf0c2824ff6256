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
import java.util.List;
import java.util.function.Function;

import dev.tlssession.TlsSessionCaches;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.resolver.DefaultAddressResolverGroup;
import reactor.core.publisher.Mono;
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
 * <li>(d16) {@code starter-openssl-16}: (d) with {@code max-sessions-per-host=16} (8-way
 * TLS 1.3 only);
 * <li>(e) {@code starter-jdk}: the same on provider jdk;
 * <li>(f) {@code raw-netty}: the auto-configured builder with a connector on
 * {@code HttpClient.create().secure(spec -> spec.sslContext(shared))}, one shared
 * BoringSSL context (Netty's own session cache, no starter): the ceiling.
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

	final Config starterOpenSslDeep;

	final Config rawNetty;

	private final ConfigurableApplicationContext openSslContext;

	Clients(Pki pki) {
		ConfigurableApplicationContext plain = start(pki, "tls.session.enabled=false");
		ConfigurableApplicationContext openssl = start(pki, "tls.session.provider=openssl",
				"tls.session.caches.default.ssl-bundle=bench");
		ConfigurableApplicationContext noReuse = start(pki, "tls.session.provider=openssl",
				"tls.session.caches.default.ssl-bundle=bench", "tls.session.caches.default.reuse=false");
		ConfigurableApplicationContext deep = start(pki, "tls.session.provider=openssl",
				"tls.session.caches.default.ssl-bundle=bench", "tls.session.caches.default.max-sessions-per-host=16");
		ConfigurableApplicationContext jdk = start(pki, "tls.session.provider=jdk",
				"tls.session.caches.default.ssl-bundle=bench");
		this.openSslContext = openssl;
		this.boot = new Config("boot", "a", retrieve(builder(plain).build()));
		this.bootBundle = new Config("boot-bundle", "b", perRequestFromBundle(plain));
		this.bootBundleStarter = new Config("boot-bundle+starter", "b+", perRequestFromBundle(openssl));
		this.noResumption = new Config("no-resumption", "c", retrieve(builder(noReuse).build()));
		this.starterOpenSsl = new Config("starter-openssl", "d", retrieve(builder(openssl).build()));
		this.starterJdk = new Config("starter-jdk", "e", retrieve(builder(jdk).build()));
		this.starterOpenSslDeep = new Config("starter-openssl-16", "d16", retrieve(builder(deep).build()));
		SslContext shared = sharedContext(pki, SslProvider.OPENSSL);
		HttpClient raw = HttpClient.create()
			.resolver(DefaultAddressResolverGroup.INSTANCE)
			.secure((spec) -> spec.sslContext(shared));
		this.rawNetty = new Config("raw-netty", "f",
				retrieve(builder(plain).clientConnector(new ReactorClientHttpConnector(raw)).build()));
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
