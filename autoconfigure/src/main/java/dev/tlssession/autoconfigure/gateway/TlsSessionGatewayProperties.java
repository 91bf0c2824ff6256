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

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the TLS session caches serve Spring Cloud Gateway.
 *
 * @param enabled Whether Spring Cloud Gateway's proxy HTTP client uses the TLS session
 * caches. When false, it keeps the TLS configuration the gateway builds from
 * spring.cloud.gateway.server.webflux.httpclient.ssl.
 * @since 0.1.0
 */
@ConfigurationProperties("tls.session.gateway")
public record TlsSessionGatewayProperties(@DefaultValue("true") boolean enabled) {

}
