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

import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.resolver.DefaultAddressResolverGroup;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.metrics.ApplicationStartup;

/**
 * The application the benchmark starts, with Spring Boot's full auto-configuration: plain
 * Boot when {@code tls.session.enabled=false}, else Boot with the starter. Its one bean
 * makes Reactor Netty resolve names with the JDK (the benchmark's hosts file maps them to
 * 127.0.0.1), as every configuration does.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BenchApplication {

	@Bean
	@Order(0)
	ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> loopbackResolver() {
		return (builder) -> builder
			.withHttpClientCustomizer((client) -> client.resolver(DefaultAddressResolverGroup.INSTANCE));
	}

	/**
	 * Starts the application.
	 * @param pki the certificates: the SSL bundle {@code bench} trusts both authorities
	 * @param properties extra properties
	 * @return the context
	 */
	static ConfigurableApplicationContext start(Pki pki, String... properties) {
		return start(pki, ApplicationStartup.DEFAULT, properties);
	}

	/**
	 * Starts the application, recording its start-up steps.
	 * @param pki the certificates
	 * @param startup where the start-up steps go
	 * @param properties extra properties
	 * @return the context
	 */
	static ConfigurableApplicationContext start(Pki pki, ApplicationStartup startup, String... properties) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("spring.ssl.bundle.pem.bench.truststore.certificate", "file:" + pki.rootsPem());
		map.put("logging.level.root", "WARN");
		map.put("spring.main.log-startup-info", "false");
		// closing a context would otherwise wait 2 s for Reactor Netty's global resources
		// to shut down
		map.put("spring.reactor.netty.shutdown-quiet-period", "0ms");
		// Spring Cloud Gateway is on the class path for the gateway workload: not part of
		// these applications
		map.put("spring.cloud.gateway.server.webflux.enabled", "false");
		for (String property : properties) {
			int eq = property.indexOf('=');
			map.put(property.substring(0, eq), property.substring(eq + 1));
		}
		return new SpringApplicationBuilder(BenchApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.registerShutdownHook(false)
			.applicationStartup(startup)
			.properties(map)
			.run();
	}

}
