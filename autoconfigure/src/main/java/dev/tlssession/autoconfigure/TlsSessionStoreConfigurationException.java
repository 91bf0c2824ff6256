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

package dev.tlssession.autoconfigure;

import java.util.List;

/**
 * The {@link dev.tlssession.TlsSessionStore} beans cannot serve a cache: more than one
 * supports it, or the provider cannot honour one. A bean problem, not a property: there
 * is no property to name.
 */
final class TlsSessionStoreConfigurationException extends IllegalStateException {

	private final String cache;

	private final List<String> beanTypes;

	private final String reason;

	private final String action;

	TlsSessionStoreConfigurationException(String cache, List<String> beanTypes, String reason, String action) {
		super("TLS session cache '" + cache + "': " + reason + " " + beanTypes);
		this.cache = cache;
		this.beanTypes = List.copyOf(beanTypes);
		this.reason = reason;
		this.action = action;
	}

	String getCache() {
		return this.cache;
	}

	List<String> getBeanTypes() {
		return this.beanTypes;
	}

	String getReason() {
		return this.reason;
	}

	String getAction() {
		return this.action;
	}

}
