package dev.tlssession.benchmarks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drives one configuration against one server for one round: {@code concurrency} requests in flight, a new request
 * as soon as one completes, until the round's time or request budget is spent.
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
		Flux.range(0, maxRequests)
			.takeWhile((i) -> System.nanoTime() - deadline < 0)
			.flatMap((i) -> Mono.defer(() -> {
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
			}), concurrency, 1)
			.blockLast(duration.plusSeconds(30));
		return meter.stop(workload, cell, config.id(), round, completed.get(), errors.get(), latencies);
	}

}
