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

import dev.tlssession.test.ResumptionMode;

/**
 * The TLS version a benchmark server accepts, and how it lets clients resume (TLS 1.2
 * with tickets, as servers that offer both tickets and a session cache resume the clients
 * measured here).
 */
enum Protocol {

	TLS12("TLSv1.2", "TLS 1.2", ResumptionMode.TLS12_TICKETS), TLS13("TLSv1.3", "TLS 1.3", ResumptionMode.TLS13);

	final String jsse;

	final String label;

	final ResumptionMode mode;

	Protocol(String jsse, String label, ResumptionMode mode) {
		this.jsse = jsse;
		this.label = label;
		this.mode = mode;
	}

}
