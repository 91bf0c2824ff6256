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

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionStats;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /demo?calls=200&concurrency=8}: calls the two upstreams in turn, each call
 * on a new connection (as a pool with short idle or lifetime settings would), and answers
 * with what happened per cache, next to what the local upstreams' servers saw.
 */
@RestController
class DemoController {

	private static final int MAX_CALLS = 10_000;

	private static final int MAX_CONCURRENCY = 64;

	private final WebClient client;

	private final TlsSessionCaches caches;

	private final SampleProperties properties;

	private final ObjectProvider<LocalUpstreams> localUpstreams;

	DemoController(WebClient.Builder builder, TlsSessionCaches caches, SampleProperties properties,
			ObjectProvider<LocalUpstreams> localUpstreams) {
		this.client = builder.build();
		this.caches = caches;
		this.properties = properties;
		this.localUpstreams = localUpstreams;
	}

	@GetMapping("/demo")
	Mono<DemoResult> demo(@RequestParam(defaultValue = "200") int calls,
			@RequestParam(defaultValue = "8") int concurrency) {
		if (calls < 1 || calls > MAX_CALLS || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"calls must be 1 to " + MAX_CALLS + " and concurrency 1 to " + MAX_CONCURRENCY);
		}
		List<URI> upstreams = List.of(this.properties.paymentsUrl(), this.properties.catalogUrl());
		Map<String, TlsSessionStats> before = stats();
		Map<String, LocalUpstreams.ServerView> serverBefore = serverViews();
		HandshakeLatencies latencies = new HandshakeLatencies();
		AtomicInteger failures = new AtomicInteger();
		long start = System.nanoTime();
		this.caches.addHandshakeListener(latencies);
		return Flux.range(0, calls)
			.flatMap((call) -> call(upstreams.get(call % upstreams.size()), failures), concurrency)
			.then(Mono.fromSupplier(() -> new DemoResult(calls, concurrency, failures.get(),
					Duration.ofNanos(System.nanoTime() - start).toMillis(), perCache(before, latencies),
					serverDelta(serverBefore), "/actuator/tlssessions")))
			.doFinally((signal) -> this.caches.removeHandshakeListener(latencies));
	}

	private Mono<String> call(URI upstream, AtomicInteger failures) {
		return this.client.get()
			.uri(upstream)
			.header(HttpHeaders.CONNECTION, "close")
			.retrieve()
			.bodyToMono(String.class)
			.timeout(Duration.ofSeconds(10))
			.onErrorResume((ex) -> {
				failures.incrementAndGet();
				return Mono.empty();
			});
	}

	private Map<String, TlsSessionStats> stats() {
		Map<String, TlsSessionStats> stats = new LinkedHashMap<>();
		this.caches.caches().forEach((cache) -> stats.put(cache.name(), cache.stats()));
		return stats;
	}

	private Map<String, CacheResult> perCache(Map<String, TlsSessionStats> before, HandshakeLatencies latencies) {
		Map<String, CacheResult> results = new LinkedHashMap<>();
		for (TlsSessionCache cache : this.caches.caches()) {
			TlsSessionStats now = cache.stats();
			TlsSessionStats then = before.get(cache.name());
			long resumed = now.resumedHandshakes() - then.resumedHandshakes();
			long full = now.fullHandshakes() - then.fullHandshakes();
			long failed = now.failedHandshakes() - then.failedHandshakes();
			if (resumed + full + failed > 0) {
				results.put(cache.name(), new CacheResult(resumed, full, failed,
						(resumed + full != 0) ? (double) resumed / (resumed + full) : 0,
						latencies.medianMillis(cache.name(), true), latencies.medianMillis(cache.name(), false)));
			}
		}
		return results;
	}

	private Map<String, LocalUpstreams.ServerView> serverViews() {
		LocalUpstreams upstreams = this.localUpstreams.getIfAvailable();
		return (upstreams != null) ? upstreams.serverViews() : Map.of();
	}

	private Map<String, LocalUpstreams.ServerView> serverDelta(Map<String, LocalUpstreams.ServerView> before) {
		Map<String, LocalUpstreams.ServerView> delta = new LinkedHashMap<>();
		serverViews().forEach((name, now) -> {
			LocalUpstreams.ServerView then = before.get(name);
			delta.put(name, new LocalUpstreams.ServerView(now.resumed() - then.resumed(), now.full() - then.full()));
		});
		return delta;
	}

	/**
	 * What a demo run did.
	 *
	 * @param calls calls made
	 * @param concurrency calls in flight at once
	 * @param failures calls that failed
	 * @param millis wall time
	 * @param caches handshakes per cache, as the client saw them
	 * @param servers handshakes per local upstream, as its server saw them (empty with
	 * real upstreams)
	 * @param see where to look next
	 */
	record DemoResult(int calls, int concurrency, int failures, long millis, Map<String, CacheResult> caches,
			Map<String, LocalUpstreams.ServerView> servers, String see) {
	}

	/**
	 * One cache's handshakes during a run. Latencies run from the ClientHello to the end
	 * of the handshake; they include handshakes of other requests running at the same
	 * time.
	 *
	 * @param resumed resumed handshakes
	 * @param full full handshakes
	 * @param failed failed handshakes
	 * @param reuseRatio resumed as a share of completed
	 * @param resumedMedianMillis median latency of resumed handshakes
	 * @param fullMedianMillis median latency of full handshakes
	 */
	record CacheResult(long resumed, long full, long failed, double reuseRatio, double resumedMedianMillis,
			double fullMedianMillis) {
	}

}
