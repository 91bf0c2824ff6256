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

package dev.tlssession.sample.gateway;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /upstreams}: the handshakes each local upstream saw, to set next to
 * {@code /actuator/tlssessions}.
 */
@RestController
class UpstreamsController {

	private final LocalUpstreams upstreams;

	UpstreamsController(LocalUpstreams upstreams) {
		this.upstreams = upstreams;
	}

	@GetMapping("/upstreams")
	Map<String, LocalUpstreams.ServerView> upstreams() {
		return this.upstreams.serverViews();
	}

}
