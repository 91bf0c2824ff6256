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

package dev.tlssession.benchmarks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drives one configuration against one server for one round: {@code concurrency} requests
 * in flight, a new request as soon as one completes, until the round's time or request
 * budget is spent.
 */
final class HttpLoad {

	private HttpLoad() {
	}

	static Sample round(String workload, String cell, Clients.Config config, BenchServer server, int concurrency,
			Duration duration, int maxRequests, int round) {
		return round(workload, cell, config.id(), config.request(), server.url(config.id() + "/" + round),
				ThreadCpu.CLIENT, server, concurrency, duration, maxRequests, round);
	}

	/**
	 * Drives any request function, measuring the CPU of the given client threads.
	 * @param workload the workload
	 * @param cell the cell
	 * @param config the configuration's id
	 * @param request makes one request to a URL
	 * @param url the URL
	 * @param clientThreads the threads whose CPU is the client's
	 * @param server the server whose handshakes count
	 * @param concurrency requests in flight
	 * @param duration the round's time
	 * @param maxRequests the round's request bound
	 * @param round the round
	 * @return the sample
	 */
	static Sample round(String workload, String cell, String config, Function<String, Mono<String>> request, String url,
			Predicate<String> clientThreads, BenchServer server, int concurrency, Duration duration, int maxRequests,
			int round) {
		long[] latencies = new long[maxRequests];
		AtomicInteger completed = new AtomicInteger();
		AtomicLong errors = new AtomicLong();
		Meter meter = Meter.start(server, clientThreads);
		long deadline = System.nanoTime() + duration.toNanos();
		Flux.range(0, maxRequests).takeWhile((i) -> System.nanoTime() - deadline < 0).flatMap((i) -> Mono.defer(() -> {
			long start = System.nanoTime();
			return request.apply(url).doOnNext((body) -> {
				int k = completed.getAndIncrement();
				if (k < latencies.length) {
					latencies[k] = System.nanoTime() - start;
				}
			}).onErrorResume((ex) -> {
				errors.incrementAndGet();
				return Mono.empty();
			});
		}), concurrency, 1).blockLast(duration.plusSeconds(30));
		return meter.stop(workload, cell, config, round, completed.get(), errors.get(), latencies);
	}

}
