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

import java.util.Map;

import dev.tlssession.TlsProvider;
import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionConfigurationException;
import dev.tlssession.autoconfigure.TlsSessionProperties.Provider;
import dev.tlssession.openssl.NettyInternals;
import dev.tlssession.openssl.OpenSslSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The provider choice on a Netty whose OpenSSL internals the bridge does not know
 * (simulated: the bridge's own lookup of a field that does not exist): {@code auto} falls
 * back to the JDK with one warning, {@code openssl} fails start-up; both name the Netty
 * version.
 */
@ExtendWith(OutputCaptureExtension.class)
class OpenSslFallbackTests {

	private final OpenSslSupport.Availability incompatibleNetty = NettyInternals.withoutCtxField();

	@Test
	void autoFallsBackToTheJdkWithOneWarningNamingTheNettyVersion(CapturedOutput output) {
		TlsSessionCaches caches = factory(Provider.AUTO, "payments", "catalog").create();
		assertThat(caches.caches()).extracting(TlsSessionCache::provider).containsOnly(TlsProvider.JDK);
		String warning = "Netty " + OpenSslSupport.nettyVersion() + " is not one the OpenSSL bridge supports";
		assertThat(output.getOut().lines().filter((line) -> line.contains(warning))).singleElement()
			.asString()
			.contains("WARN")
			.contains("TLS session caches use the JDK provider");
	}

	@Test
	void explicitOpenSslFailsStartUpNamingTheNettyVersion() {
		assertThatExceptionOfType(TlsSessionConfigurationException.class)
			.isThrownBy(() -> TlsSessionCachesFactory.provider(Provider.OPENSSL, this.incompatibleNetty))
			.satisfies((ex) -> {
				FailureAnalysis analysis = new TlsSessionConfigurationFailureAnalyzer(null).analyze(ex);
				assertThat(analysis.getDescription()).contains("Property: tls.session.provider")
					.contains("Netty " + OpenSslSupport.nettyVersion())
					.contains("no field 'ctxRemovedByAFutureNetty'");
				assertThat(analysis.getAction()).contains("set tls.session.provider=jdk");
			});
	}

	@Test
	void explicitJdkIsUnaffected(CapturedOutput output) {
		assertThat(TlsSessionCachesFactory.provider(Provider.JDK, this.incompatibleNetty)).isEqualTo(TlsProvider.JDK);
		assertThat(output.getOut()).doesNotContain("OpenSSL bridge");
	}

	@Test
	void autoUsesOpenSslWithTheNettyThisBuildUses() {
		assertThat(TlsSessionCachesFactory.provider(Provider.AUTO, OpenSslSupport.availability()))
			.isEqualTo(TlsProvider.OPENSSL);
	}

	private TlsSessionCachesFactory factory(Provider provider, String... caches) {
		Map<String, TlsSessionProperties.Cache> declared = new java.util.LinkedHashMap<>();
		for (String cache : caches) {
			declared.put(cache, TlsSessionProperties.Cache.UNSET);
		}
		TlsSessionProperties properties = new TlsSessionProperties(true, provider, TlsSessionProperties.DEFAULT_CACHE,
				TlsSessionProperties.CacheDefaults.NONE, declared, java.time.Duration.ofMillis(50),
				new TlsSessionProperties.Metrics(false));
		return new TlsSessionCachesFactory(properties, null, java.util.List.of(), this.incompatibleNetty);
	}

}
