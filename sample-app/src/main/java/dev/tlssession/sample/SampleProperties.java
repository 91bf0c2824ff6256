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

package dev.tlssession.sample;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the demo's upstreams are.
 *
 * @param paymentsUrl URL of the payments API
 * @param catalogUrl URL of the catalog API
 * @param localUpstreams the HTTPS upstreams the sample starts on loopback when it has no
 * real ones
 */
@ConfigurationProperties("sample")
public record SampleProperties(URI paymentsUrl, URI catalogUrl, @DefaultValue LocalUpstreams localUpstreams) {

	/**
	 * Local upstreams.
	 *
	 * @param enabled whether to start them
	 * @param paymentsPort port of the TLS 1.3 payments upstream, which requires a client
	 * certificate
	 * @param catalogPort port of the TLS 1.2 catalog upstream
	 */
	public record LocalUpstreams(@DefaultValue("true") boolean enabled, @DefaultValue("18443") int paymentsPort,
			@DefaultValue("18444") int catalogPort) {
	}

}
