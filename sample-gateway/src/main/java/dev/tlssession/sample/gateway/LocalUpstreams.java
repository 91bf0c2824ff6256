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

package dev.tlssession.sample.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TestCertificateAuthority;
import dev.tlssession.test.TlsUpstream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;

/**
 * Two HTTPS upstreams on loopback (TLS 1.3), each closing every connection after its
 * response, as upstreams behind load balancers that close idle connections do: every
 * proxied request is a new TLS connection from the gateway. They are the test kit's
 * {@link TlsUpstream}s, which count the handshakes they resumed: the server's view next
 * to the caches'.
 */
final class LocalUpstreams implements SmartLifecycle {

	private final TestCertificateAuthority authority;

	private final Ports ports;

	private final Map<String, TlsUpstream> upstreams = new LinkedHashMap<>();

	private volatile boolean running;

	LocalUpstreams(TestCertificateAuthority authority, Ports ports) {
		this.authority = authority;
		this.ports = ports;
	}

	@Override
	public void start() {
		try {
			this.upstreams.put("orders", upstream("orders", this.ports.ordersPort()));
			this.upstreams.put("inventory", upstream("inventory", this.ports.inventoryPort()));
			this.running = true;
		}
		catch (RuntimeException ex) {
			stop();
			throw new IllegalStateException("The local upstreams cannot start (ports " + this.ports.ordersPort()
					+ " and " + this.ports.inventoryPort() + "; change sample.local-upstreams.*-port)", ex);
		}
	}

	private TlsUpstream upstream(String name, int port) {
		return TlsUpstream.builder(ResumptionMode.TLS13)
			.certificateAuthority(this.authority)
			.port(port)
			.keepAlive(false)
			.response("application/json", "{\"upstream\":\"" + name + "\"}")
			.start();
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
		// before the web server: the gateway can proxy as soon as it accepts requests
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
	 * The upstreams' ports.
	 *
	 * @param enabled whether the sample starts its upstreams
	 * @param ordersPort port of the orders upstream
	 * @param inventoryPort port of the inventory upstream
	 */
	@ConfigurationProperties("sample.local-upstreams")
	record Ports(@DefaultValue("true") boolean enabled, @DefaultValue("18445") int ordersPort,
			@DefaultValue("18446") int inventoryPort) {
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
