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

package dev.tlssession.autoconfigure.endpoint;

import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLException;

import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.actuate.endpoint.TlsSessionsEndpoint;
import dev.tlssession.actuate.endpoint.TlsSessionsEndpointWebExtension;
import dev.tlssession.jdk.JdkTlsSessionCache;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TlsSessionsEndpointAutoConfiguration}.
 */
class TlsSessionsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TlsSessionsEndpointAutoConfiguration.class))
		.withBean(TlsSessionCaches.class, TlsSessionsEndpointAutoConfigurationTests::caches);

	@Test
	void runShouldHaveEndpointBean() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=tlssessions")
			.run((context) -> assertThat(context).hasSingleBean(TlsSessionsEndpoint.class));
	}

	@Test
	void runWhenNotExposedShouldNotHaveEndpointBean() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(TlsSessionsEndpoint.class));
	}

	@Test
	void runWhenEnabledPropertyIsFalseShouldNotHaveEndpointBean() {
		this.contextRunner
			.withPropertyValues("management.endpoint.tlssessions.enabled=false",
					"management.endpoints.web.exposure.include=*")
			.run((context) -> assertThat(context).doesNotHaveBean(TlsSessionsEndpoint.class));
	}

	@Test
	void runWhenAccessIsNoneShouldNotHaveEndpointBean() {
		this.contextRunner
			// the runner's environment converts enum values by their exact name; an
			// application's also takes 'none'
			.withPropertyValues("management.endpoint.tlssessions.access=NONE",
					"management.endpoints.web.exposure.include=*")
			.run((context) -> assertThat(context).doesNotHaveBean(TlsSessionsEndpoint.class));
	}

	@Test
	void runWhenOnlyExposedOverJmxShouldHaveEndpointBeanWithoutWebExtension() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=info", "spring.jmx.enabled=true",
					"management.endpoints.jmx.exposure.include=tlssessions")
			.run((context) -> assertThat(context).hasSingleBean(TlsSessionsEndpoint.class)
				.doesNotHaveBean(TlsSessionsEndpointWebExtension.class));
	}

	@Test
	void runWhenExposedOverTheWebShouldHaveWebExtension() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=tlssessions")
			.run((context) -> assertThat(context).hasSingleBean(TlsSessionsEndpointWebExtension.class));
	}

	@Test
	void runWhenUserDefinesEndpointShouldBackOff() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=tlssessions")
			.withBean("userTlsSessionsEndpoint", TlsSessionsEndpoint.class, () -> new TlsSessionsEndpoint(caches()))
			.run((context) -> assertThat(context).getBean(TlsSessionsEndpoint.class)
				.isSameAs(context.getBean("userTlsSessionsEndpoint")));
	}

	@Test
	void runWhenUserDefinesWebExtensionShouldBackOff() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=tlssessions")
			.withBean("userTlsSessionsEndpointWebExtension", TlsSessionsEndpointWebExtension.class,
					() -> new TlsSessionsEndpointWebExtension(new TlsSessionsEndpoint(caches()), caches()))
			.run((context) -> assertThat(context).getBean(TlsSessionsEndpointWebExtension.class)
				.isSameAs(context.getBean("userTlsSessionsEndpointWebExtension")));
	}

	@Test
	void runWithoutTlsSessionCachesShouldNotHaveEndpointBean() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(TlsSessionsEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=tlssessions")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TlsSessionsEndpoint.class));
	}

	@Test
	void runWithoutActuatorAutoConfigurationShouldNotHaveEndpointBean() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ConditionalOnAvailableEndpoint.class))
			.withPropertyValues("management.endpoints.web.exposure.include=tlssessions")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TlsSessionsEndpoint.class));
	}

	static TlsSessionCaches caches() {
		try {
			return new TlsSessionCaches(List
				.of(new JdkTlsSessionCache("default", TlsSessionCacheSettings.DEFAULTS, TlsMaterial.JVM_DEFAULT)),
					Map.of(), "default");
		}
		catch (SSLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
