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

import dev.tlssession.TlsSessionCaches;
import dev.tlssession.actuate.endpoint.TlsSessionsEndpoint;
import dev.tlssession.actuate.endpoint.TlsSessionsEndpointWebExtension;
import dev.tlssession.autoconfigure.TlsSessionAutoConfiguration;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code tlssessions} endpoint. Like every endpoint it is
 * reachable over HTTP only when exposed:
 * {@code management.endpoints.web.exposure.include=tlssessions}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = TlsSessionAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnBean(TlsSessionCaches.class)
@ConditionalOnAvailableEndpoint(TlsSessionsEndpoint.class)
public final class TlsSessionsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TlsSessionsEndpoint tlsSessionsEndpoint(TlsSessionCaches caches) {
		return new TlsSessionsEndpoint(caches);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(TlsSessionsEndpoint.class)
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	TlsSessionsEndpointWebExtension tlsSessionsEndpointWebExtension(TlsSessionsEndpoint endpoint,
			TlsSessionCaches caches) {
		return new TlsSessionsEndpointWebExtension(endpoint, caches);
	}

}
