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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import io.netty.resolver.DefaultAddressResolverGroup;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Workload 6: Spring Cloud Gateway in front of a churning upstream (the server closes
 * every connection, so every proxied request makes a TLS handshake from the gateway). The
 * same gateway application, with its SSL bundle {@code bench}, runs as (g) without the
 * starter (the context the gateway builds from its bundle), (g+) with the starter
 * (default cache on bundle {@code bench}, {@code max-sessions-per-host=8} for 8 in
 * flight) and (g0) with the starter and {@code reuse=false} (no resumption: the floor).
 * The load comes over pooled plain HTTP from a driver on its own event loop; each
 * gateway's proxy client runs on event loops of its own, whose CPU is the "gateway client
 * CPU".
 */
final class GatewayWorkload implements AutoCloseable {

	static final String WITHOUT = "gateway";

	static final String WITH = "gateway+starter";

	static final String FLOOR = "gateway+starter-no-reuse";

	private final Pki pki;

	private final Plan plan;

	private final Budget budget;

	private final Consumer<String> log;

	private final LoopResources driverLoops = LoopResources.create("bench-driver", 1, true);

	private final HttpClient driver = HttpClient
		.create(ConnectionProvider.builder("bench-driver").maxConnections(64).build())
		.runOn(this.driverLoops);

	private final List<Gateway> gateways = new ArrayList<>();

	GatewayWorkload(Pki pki, Plan plan, Budget budget, Consumer<String> log) {
		this.pki = pki;
		this.plan = plan;
		this.budget = budget;
		this.log = log;
	}

	List<Sample> run() {
		List<Sample> samples = new ArrayList<>();
		try (HttpsServer upstream = new HttpsServer(this.pki, Pki.Cert.EC, Protocol.TLS13, false)) {
			String uri = upstream.url("");
			this.gateways.add(start(WITHOUT, uri, "tls.session.enabled=false"));
			this.gateways
				.add(start(WITH, uri, "tls.session.provider=openssl", "tls.session.caches.default.ssl-bundle=bench",
						"tls.session.caches.default.max-sessions-per-host=8"));
			this.gateways.add(start(FLOOR, uri, "tls.session.provider=openssl",
					"tls.session.caches.default.ssl-bundle=bench", "tls.session.caches.default.reuse=false"));
			for (int concurrency : List.of(1, 8)) {
				String cell = ChurnWorkload.cell("gateway-netty", Pki.Cert.EC, Protocol.TLS13, concurrency);
				this.log.accept("gateway " + cell);
				samples.addAll(Alternation.run(this.gateways, this.plan.rounds(), this.plan.slices(concurrency),
						this.budget,
						(gateway, round) -> HttpLoad.round("gateway", cell, gateway.id(), request(),
								"http://127.0.0.1:" + gateway.port() + "/up/" + gateway.id() + "/" + round,
								gateway.clientThreads(), upstream, concurrency, this.plan.slice(concurrency, round),
								Plan.maxOperations(this.plan.slice(concurrency, round)), round)));
			}
		}
		return samples;
	}

	private Function<String, Mono<String>> request() {
		return (url) -> this.driver.get()
			.uri(url)
			.responseSingle((response, body) -> (response.status().code() == 200) ? body.asString()
					: Mono.error(new IllegalStateException("status " + response.status().code())))
			.timeout(Duration.ofSeconds(10));
	}

	private Gateway start(String id, String upstream, String... properties) {
		LoopResources clientLoops = LoopResources.create(id + "-client", 2, true);
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("server.port", "0");
		map.put("server.address", "127.0.0.1");
		map.put("spring.ssl.bundle.pem.bench.truststore.certificate", "file:" + this.pki.rootsPem());
		map.put("spring.cloud.gateway.server.webflux.httpclient.ssl.ssl-bundle", "bench");
		map.put("spring.cloud.gateway.server.webflux.routes[0].id", "up");
		map.put("spring.cloud.gateway.server.webflux.routes[0].uri", upstream);
		map.put("spring.cloud.gateway.server.webflux.routes[0].predicates[0]", "Path=/up/**");
		map.put("spring.cloud.gateway.server.webflux.routes[0].filters[0]", "StripPrefix=1");
		map.put("logging.level.root", "WARN");
		map.put("spring.main.log-startup-info", "false");
		map.put("spring.reactor.netty.shutdown-quiet-period", "0ms");
		for (String property : properties) {
			int eq = property.indexOf('=');
			map.put(property.substring(0, eq), property.substring(eq + 1));
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
			.web(WebApplicationType.REACTIVE)
			.bannerMode(Banner.Mode.OFF)
			.registerShutdownHook(false)
			.initializers(
					(ctx) -> ctx.getBeanFactory().registerSingleton("benchClientLoops", new ClientLoops(clientLoops)))
			.properties(map)
			.run();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return new Gateway(id, context, clientLoops, port);
	}

	@Override
	public void close() {
		for (Gateway gateway : this.gateways) {
			gateway.context().close();
			gateway.clientLoops().disposeLater().block(Duration.ofSeconds(5));
		}
		this.driverLoops.disposeLater().block(Duration.ofSeconds(5));
	}

	/** One gateway application and the threads of its proxy client. */
	private record Gateway(String id, ConfigurableApplicationContext context, LoopResources clientLoops, int port) {

		Predicate<String> clientThreads() {
			return (name) -> name.startsWith(this.id + "-client");
		}

	}

	/** The event loops a gateway's proxy client runs on, handed to its application. */
	record ClientLoops(LoopResources loops) {
	}

	/**
	 * The gateway application: full auto-configuration, one route from properties; its
	 * proxy client resolves names with the JDK (the benchmark's hosts file) and runs on
	 * event loops of its own.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class GatewayApplication {

		/**
		 * Event loops of its own for the web server: closing one gateway must not stop
		 * Reactor Netty's global ones.
		 */
		@Bean
		ReactorResourceFactory reactorResourceFactory() {
			ReactorResourceFactory factory = new ReactorResourceFactory();
			factory.setUseGlobalResources(false);
			factory.setShutdownQuietPeriod(Duration.ZERO);
			return factory;
		}

		@Bean
		HttpClientCustomizer benchClient(ClientLoops loops) {
			return (client) -> client.resolver(DefaultAddressResolverGroup.INSTANCE).runOn(loops.loops(), false);
		}

	}

}
