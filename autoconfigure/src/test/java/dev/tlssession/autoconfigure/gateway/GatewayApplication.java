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

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tlssession.testsupport.LoopbackResolver;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Cloud Gateway application as a user writes one: full auto-configuration,
 * routes from properties, and nothing of the starter's but its dependency. Its one bean
 * makes the proxy client resolve the test host names with the JDK (they map to
 * 127.0.0.1).
 */
final class GatewayApplication implements AutoCloseable {

	private static final String ROUTES = "spring.cloud.gateway.server.webflux.routes";

	private final ConfigurableApplicationContext context;

	private final HttpClient client;

	private GatewayApplication(ConfigurableApplicationContext context) {
		this.context = context;
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		this.client = HttpClient.create(ConnectionProvider.builder("gateway-test").maxConnections(32).build())
			.baseUrl("http://127.0.0.1:" + port);
	}

	/**
	 * Starts a gateway on a free port.
	 * @param properties properties, {@code key=value}
	 * @return the running gateway
	 */
	static GatewayApplication start(String... properties) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("server.port", "0");
		map.put("spring.main.banner-mode", "off");
		map.put("spring.reactor.netty.shutdown-quiet-period", "0s");
		map.put("management.endpoints.web.exposure.include", "tlssessions,metrics");
		for (String property : properties) {
			int eq = property.indexOf('=');
			map.put(property.substring(0, eq), property.substring(eq + 1));
		}
		return new GatewayApplication(new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
			.bannerMode(Banner.Mode.OFF)
			.properties(map)
			.run());
	}

	/**
	 * The properties of a route that proxies {@code /id/**} to a URI, without the prefix.
	 * @param index the route's index
	 * @param id the route id and path prefix
	 * @param uri the upstream
	 * @return the properties
	 */
	static String[] route(int index, String id, String uri) {
		String route = ROUTES + "[" + index + "].";
		return new String[] { route + "id=" + id, route + "uri=" + uri, route + "predicates[0]=Path=/" + id + "/**",
				route + "filters[0]=StripPrefix=1" };
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	MeterRegistry meters() {
		return bean(MeterRegistry.class);
	}

	/**
	 * Sends requests through the gateway, a given number in flight.
	 * @param path the path, a route's prefix included
	 * @param requests how many
	 * @param concurrency how many in flight
	 * @return the responses, in completion order
	 */
	List<Response> get(String path, int requests, int concurrency) {
		List<Response> responses = Flux.range(0, requests)
			.flatMap((i) -> this.client.get()
				.uri(path + "?n=" + i)
				.responseSingle((response, body) -> body.asString()
					.defaultIfEmpty("")
					.map((text) -> new Response(response.status().code(), text))), concurrency)
			.collectList()
			.block(Duration.ofSeconds(60));
		return (responses != null) ? responses : new ArrayList<>();
	}

	/**
	 * A GET of the gateway's own endpoints.
	 * @param path the path
	 * @return the body
	 */
	String actuator(String path) {
		return this.client.get().uri(path).responseContent().aggregate().asString().block(Duration.ofSeconds(10));
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * A response through the gateway.
	 *
	 * @param status the status code
	 * @param body the body
	 */
	record Response(int status, String body) {

		boolean ok() {
			return this.status == 200;
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		HttpClientCustomizer loopbackResolver() {
			return LoopbackResolver::apply;
		}

	}

}
