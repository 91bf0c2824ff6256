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

package dev.tlssession.openssl;

import io.netty.util.Version;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenSslSupport}'s detection of what the OpenSSL bridge needs.
 */
class OpenSslSupportTests {

	@Test
	void availableWithTheNettyThisBuildUses() {
		assertThat(OpenSslSupport.availability().isAvailable()).isTrue();
		assertThat(OpenSslSupport.availability().reason()).isNull();
		assertThat(OpenSslSupport.isAvailable()).isTrue();
	}

	@Test
	void missingCtxFieldMakesOpenSslUnavailableNamingTheNettyVersion() {
		OpenSslSupport.Availability availability = NettyInternals.withoutCtxField();
		assertThat(availability.isAvailable()).isFalse();
		assertThat(availability.isNettyIncompatible()).isTrue();
		assertThat(availability.reason()).contains("Netty " + nettyHandlerVersion())
			.contains("no field 'ctxRemovedByAFutureNetty'");
	}

	@Test
	void fieldOfAnotherTypeIsIncompatibleToo() {
		// a field that exists but does not hold the native handle
		OpenSslSupport.Availability availability = OpenSslSupport.detect("unmodifiableCiphers");
		assertThat(availability.isAvailable()).isFalse();
		assertThat(availability.isNettyIncompatible()).isTrue();
	}

	@Test
	void nettyVersionIsNettyHandlers() {
		assertThat(OpenSslSupport.nettyVersion()).isEqualTo(nettyHandlerVersion()).endsWith(".Final");
	}

	private static String nettyHandlerVersion() {
		return Version.identify().get("netty-handler").artifactVersion();
	}

}
