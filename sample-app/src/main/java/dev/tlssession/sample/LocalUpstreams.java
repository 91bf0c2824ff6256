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

package dev.tlssession.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TestCertificateAuthority;
import dev.tlssession.test.TlsUpstream;

import org.springframework.context.SmartLifecycle;

/**
 * Two HTTPS upstreams on loopback, so the sample works offline: payments (TLS 1.3 only,
 * requires a client certificate) and catalog (TLS 1.2 only, session tickets). They are
 * the test kit's {@link TlsUpstream}s, which count, on the server side, how many
 * handshakes they resumed, so the demo can show the client's numbers next to the
 * server's.
 */
final class LocalUpstreams implements SmartLifecycle {

	private final TestCertificateAuthority authority;

	private final SampleProperties.LocalUpstreams ports;

	private final Map<String, TlsUpstream> upstreams = new LinkedHashMap<>();

	private volatile boolean running;

	LocalUpstreams(TestCertificateAuthority authority, SampleProperties.LocalUpstreams ports) {
		this.authority = authority;
		this.ports = ports;
	}

	@Override
	public void start() {
		try {
			this.upstreams.put("payments",
					upstream("payments", ResumptionMode.TLS13, this.ports.paymentsPort()).requireClientCertificates()
						.start());
			this.upstreams.put("catalog",
					upstream("catalog", ResumptionMode.TLS12_TICKETS, this.ports.catalogPort()).start());
			this.running = true;
		}
		catch (RuntimeException ex) {
			stop();
			throw new IllegalStateException("The local upstreams cannot start (ports " + this.ports.paymentsPort()
					+ " and " + this.ports.catalogPort() + "; change sample.local-upstreams.*-port)", ex);
		}
	}

	private TlsUpstream.Builder upstream(String name, ResumptionMode mode, int port) {
		return TlsUpstream.builder(mode)
			.certificateAuthority(this.authority)
			.port(port)
			.keepAlive(true)
			.response("application/json", "{\"upstream\":\"" + name + "\",\"ok\":true}");
	}

	@Override
	public void stop() {
		this.upstreams.values().forEach(TlsUpstream::close);
		this.upstreams.clear();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// before the web server: the demo can call the upstreams as soon as it accepts
		// requests
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	/**
	 * What each upstream's server saw.
	 * @return resumed and full handshakes per upstream
	 */
	Map<String, ServerView> serverViews() {
		Map<String, ServerView> views = new LinkedHashMap<>();
		this.upstreams
			.forEach((name, upstream) -> views.put(name, new ServerView(upstream.resumed(), upstream.full())));
		return views;
	}

	/**
	 * Handshakes as an upstream's server saw them.
	 *
	 * @param resumed resumed handshakes
	 * @param full full handshakes
	 */
	record ServerView(long resumed, long full) {
	}

}
