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

import dev.tlssession.openssl.OpenSslSupport;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The reflection the OpenSSL bridge needs after ahead-of-time processing: it reads
 * Netty's native context handle, {@code ReferenceCountedOpenSslContext.ctx}, because
 * Netty has no public hook for a client session cache.
 */
final class TlsSessionRuntimeHints implements RuntimeHintsRegistrar {

	static final String OPENSSL_CONTEXT = "io.netty.handler.ssl.ReferenceCountedOpenSslContext";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection()
			.registerTypeIfPresent(classLoader, OPENSSL_CONTEXT,
					(type) -> type.withField(OpenSslSupport.CTX_FIELD_NAME));
	}

}
