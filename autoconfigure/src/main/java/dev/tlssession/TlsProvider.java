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

package dev.tlssession;

/**
 * The TLS implementation behind a session cache.
 *
 * @since 0.1.0
 */
public enum TlsProvider {

	/**
	 * BoringSSL through netty-tcnative; the starter owns the session store.
	 */
	OPENSSL("openssl"),

	/**
	 * The JDK's SunJSSE; each cache is its own {@code SSLContext} with its own session
	 * context.
	 */
	JDK("jdk");

	private final String tag;

	TlsProvider(String tag) {
		this.tag = tag;
	}

	/**
	 * The lower-case name used in properties, meter tags and the endpoint.
	 * @return the name
	 */
	public String tag() {
		return this.tag;
	}

}
