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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Says where to look once the service accepts requests.
 */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(StartupBanner.class);

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		String base = "http://localhost:" + event.getWebServer().getPort();
		logger.info("TLS session demo ready: try " + base + "/demo?calls=200&concurrency=8 then " + base
				+ "/actuator/tlssessions (meters: " + base + "/actuator/prometheus)");
	}

}
