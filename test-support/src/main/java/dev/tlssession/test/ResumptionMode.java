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

package dev.tlssession.test;

/**
 * How a test upstream lets its clients resume: the three setups users meet.
 *
 * @since 0.1.0
 */
public enum ResumptionMode {

	/**
	 * TLS 1.3 only, with session tickets.
	 */
	TLS13("TLSv1.3"),

	/**
	 * TLS 1.2 only, with a server-side session cache and no tickets.
	 */
	TLS12_SESSION_IDS("TLSv1.2"),

	/**
	 * TLS 1.2 only, with tickets and no server-side session cache.
	 */
	TLS12_TICKETS("TLSv1.2");

	private final String protocol;

	ResumptionMode(String protocol) {
		this.protocol = protocol;
	}

	/**
	 * The one protocol the upstream accepts in this mode.
	 * @return {@code TLSv1.3} or {@code TLSv1.2}
	 */
	public String protocol() {
		return this.protocol;
	}

}
