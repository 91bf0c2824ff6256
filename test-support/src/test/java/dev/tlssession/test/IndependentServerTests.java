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

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.tlssession.test.TlsUpstreamAssertions.assertThatHandshakes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NginxServer} and {@link OpenSslServer}: what each reports it saw.
 */
class IndependentServerTests {

	@TempDir
	Path directory;

	@Test
	void nginxReportsEachRequestsHandshakeAndItsPath() {
		try (NginxServer nginx = NginxServer.start(ResumptionMode.TLS13, this.directory)) {
			TestClients client = new TestClients(TestCertificateAuthority.shared());
			List<String> bodies = client.get(nginx.url("localhost") + "a", 2);
			bodies.addAll(client.get(nginx.url("localhost") + "b?x=1", 1));
			assertThat(bodies).containsOnly("ok");
			assertThatHandshakes(nginx.handshakes(bodies)).firstFullThenResumed().usedProtocol("TLSv1.3");
			Map<String, List<UpstreamHandshake>> byPath = nginx.handshakesByPath();
			assertThat(byPath).containsOnlyKeys("/a", "/b");
			assertThat(byPath.get("/b")).extracting(UpstreamHandshake::resumed).containsExactly(true);
			assertThat(nginx.pid()).isPositive();
		}
		assertThat(RecordingUpstreamListener.CLOSED).contains("nginx TLS13 resumed=2 full=1");
	}

	@Test
	void sServerReportsTheHandshakeInEachBody() {
		try (OpenSslServer server = OpenSslServer.start(ResumptionMode.TLS12_TICKETS, this.directory)) {
			List<String> bodies = new TestClients(TestCertificateAuthority.shared()).get(server.url("localhost"), 3);
			assertThatHandshakes(server.handshakes(bodies)).firstFullThenResumed().usedProtocol("TLSv1.2");
		}
	}

}
