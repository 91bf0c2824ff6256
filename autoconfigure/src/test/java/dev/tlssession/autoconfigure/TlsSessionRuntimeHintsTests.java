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

import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TlsSessionRuntimeHints}.
 */
class TlsSessionRuntimeHintsTests {

	@Test
	void registersTheNativeContextHandleFieldForReflection() {
		RuntimeHints hints = new RuntimeHints();
		new TlsSessionRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(ReferenceCountedOpenSslContext.class, "ctx"))
			.accepts(hints);
	}

	@Test
	void registersNothingWithoutNetty() {
		RuntimeHints hints = new RuntimeHints();
		new TlsSessionRuntimeHints().registerHints(hints, new ClassLoader(null) {
		});
		assertThat(hints.reflection().typeHints()).isEmpty();
	}

	@Test
	void isRegisteredInAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(TlsSessionRuntimeHints.class);
	}

}
