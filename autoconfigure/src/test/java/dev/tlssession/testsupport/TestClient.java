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

package dev.tlssession.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.reactor.TlsSessionHttpClients;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * An HTTP client over caches: {@link #get} opens a new connection per request,
 * {@link #getPooled} reuses idle connections like an application's pool.
 */
public final class TestClient {

	private final TlsSessionCaches caches;

	private final HttpClient newConnections;

	private final HttpClient pooled;

	public TestClient(TlsSessionCache... caches) {
		this(new TlsSessionCaches(List.of(caches), Map.of(), caches[0].name()));
	}

	public TestClient(TlsSessionCaches caches) {
		this.caches = caches;
		TlsSessionHttpClients clients = new TlsSessionHttpClients(caches);
		this.newConnections = clients
			.routed(LoopbackResolver.apply(HttpClient.create(ConnectionProvider.newConnection())));
		this.pooled = clients.routed(LoopbackResolver.apply(HttpClient.create(ConnectionProvider.create("test", 8))));
	}

	public TlsSessionCaches caches() {
		return this.caches;
	}

	/**
	 * Requests a URL on a new connection.
	 * @param url the URL
	 * @return the body
	 */
	public String get(String url) {
		return get(this.newConnections, url);
	}

	/**
	 * Requests a URL on a pooled connection.
	 * @param url the URL
	 * @return the body
	 */
	public String getPooled(String url) {
		return get(this.pooled, url);
	}

	private static String get(HttpClient client, String url) {
		return client.get().uri(url).responseContent().aggregate().asString().block(Duration.ofSeconds(10));
	}

}
