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
		String url = server.url(config.id() + "/" + round);
		Function<String, Mono<String>> request = config.request();
		long[] latencies = new long[maxRequests];
		AtomicInteger completed = new AtomicInteger();
		AtomicLong errors = new AtomicLong();
		Meter meter = Meter.start(server, ThreadCpu.CLIENT);
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
		return meter.stop(workload, cell, config.id(), round, completed.get(), errors.get(), latencies);
	}

}
