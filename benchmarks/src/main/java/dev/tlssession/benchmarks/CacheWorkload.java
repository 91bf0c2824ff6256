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

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.index.SessionId;
import dev.tlssession.index.SessionIndex;
import dev.tlssession.openssl.OpenSslTlsSessionCache;
import dev.tlssession.reactor.TlsSessionHttpClients;
import io.netty.internal.tcnative.SSLSession;
import io.netty.resolver.DefaultAddressResolverGroup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Workload 4: the store's latency under contention (JMH, {@link CacheBenchmark}) and the
 * Java heap per session, with real BoringSSL session objects of the starter (one native
 * session, shared by reference, so that only the Java side is counted), for 1k, 10k and
 * 100k sessions across 10k hosts. Also checks that the bounds hold when twice the
 * capacity is stored.
 */
final class CacheWorkload {

	private final Plan plan;

	private final Path rawDirectory;

	private final Consumer<String> log;

	CacheWorkload(Plan plan, Path rawDirectory, Consumer<String> log) {
		this.plan = plan;
		this.rawDirectory = rawDirectory;
		this.log = log;
	}

	List<Result> run(Pki pki) throws Exception {
		Map<Integer, double[]> latency = jmh();
		List<Result> results = new ArrayList<>();
		Heap heap = new Heap(pki);
		try {
			for (String size : this.plan.heapSizes()) {
				int sessions = Integer.parseInt(size);
				double[] l = latency.getOrDefault(sessions,
						new double[] { Double.NaN, Double.NaN, Double.NaN, Double.NaN });
				results.add(heap.measure(sessions, l));
			}
		}
		finally {
			heap.close();
		}
		return results;
	}

	/**
	 * Runs the JMH benchmark in a forked JVM.
	 * @return p50, p90, p99 and mean in nanoseconds, per size
	 */
	private Map<Integer, double[]> jmh() throws Exception {
		this.log.accept("cache: JMH " + String.join(",", this.plan.heapSizes()));
		TimeValue time = TimeValue.milliseconds(this.plan.jmhIterationTime().toMillis());
		Options options = new OptionsBuilder().include(CacheBenchmark.class.getName() + ".lookupAndStore")
			.param("sessions", this.plan.heapSizes())
			.forks(1)
			.threads(2)
			.warmupIterations(this.plan.jmhIterations())
			.warmupTime(time)
			.measurementIterations(this.plan.jmhIterations())
			.measurementTime(time)
			.jvmArgs("-Xms512m", "-Xmx512m")
			.verbosity(VerboseMode.NORMAL)
			.output(this.rawDirectory.resolve("jmh.log").toString())
			.build();
		Map<Integer, double[]> results = new HashMap<>();
		for (RunResult result : new Runner(options).run()) {
			int sessions = Integer.parseInt(result.getParams().getParam("sessions"));
			var statistics = result.getPrimaryResult().getStatistics();
			results.put(sessions, new double[] { statistics.getPercentile(50), statistics.getPercentile(90),
					statistics.getPercentile(99), statistics.getMean() });
		}
		return results;
	}

	/** One size's result. */
	record Result(int sessions, double p50Nanos, double p90Nanos, double p99Nanos, double meanNanos,
			double heapBytesPerSession, int sizeAfterOverfill, int maxPerHostAfterOverfill, int perHostBound) {
	}

	/**
	 * Heap per session: the starter's own {@code NativeSession} objects (made through its
	 * package-private factory, as the cache makes them on each new session) in its
	 * {@link SessionIndex}.
	 */
	private static final class Heap implements AutoCloseable {

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		private final HttpsServer server;

		private final long pointer;

		private final Constructor<?> facts;

		private final Method adopt;

		private final Method release;

		private final Object generation = new Object();

		private final AtomicLong held = new AtomicLong();

		Heap(Pki pki) throws Exception {
			this.server = new HttpsServer(pki, Pki.Cert.EC, Protocol.TLS13, false);
			OpenSslTlsSessionCache cache = new OpenSslTlsSessionCache("heap", TlsSessionCacheSettings.DEFAULTS,
					new TlsMaterial(null, pki.trustManagerFactory(), null, null));
			TlsSessionCaches caches = new TlsSessionCaches(List.of(cache), Map.of(), "heap");
			HttpClient client = new TlsSessionHttpClients(caches)
				.fromCache(HttpClient.create(ConnectionProvider.newConnection())
					.resolver(DefaultAddressResolverGroup.INSTANCE), "heap");
			client.get()
				.uri(this.server.url("heap"))
				.responseContent()
				.aggregate()
				.asString()
				.block(Duration.ofSeconds(10));
			TlsSession session = cache.sessions().get(0);
			Class<?> type = session.getClass();
			Method pointerMethod = type.getDeclaredMethod("pointer");
			pointerMethod.setAccessible(true);
			this.pointer = (long) pointerMethod.invoke(session);
			Class<?> factsType = Class.forName(type.getName() + "$Facts");
			this.facts = factsType.getDeclaredConstructors()[0];
			this.facts.setAccessible(true);
			this.adopt = type.getDeclaredMethod("adopt", factsType, Object.class, AtomicLong.class, long.class,
					boolean.class, long.class);
			this.adopt.setAccessible(true);
			this.release = type.getDeclaredMethod("releaseOwned");
			this.release.setAccessible(true);
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		Result measure(int sessions, double[] latency) throws Exception {
			int perHost = CacheBenchmark.perHost(sessions);
			String[] hosts = new String[CacheBenchmark.HOSTS];
			for (int h = 0; h < hosts.length; h++) {
				hosts[h] = "host-" + h + ".example";
			}
			SplittableRandom random = new SplittableRandom(7);
			long before = usedHeap();
			SessionIndex store = new SessionIndex<>(sessions, perHost, true, (entry, cause) -> release(entry));
			for (int i = 0; i < sessions; i++) {
				store.put((SessionIndex.Entry) newSession(hosts[i % hosts.length], random), System.nanoTime());
			}
			long after = usedHeap();
			int stored = store.size();
			double perSession = (after - before) / (double) stored;
			// twice the capacity more: the total and per-host bounds must hold
			for (int i = 0; i < 2 * sessions; i++) {
				store.put((SessionIndex.Entry) newSession(hosts[random.nextInt(hosts.length)], random),
						System.nanoTime());
			}
			Map<TlsSessionKey, Integer> perKey = new HashMap<>();
			for (Object entry : store.entries()) {
				perKey.merge(((SessionIndex.Entry) entry).key(), 1, Integer::sum);
			}
			int maxPerHost = perKey.values().stream().mapToInt(Integer::intValue).max().orElse(0);
			int sizeAfter = store.size();
			store.clear(dev.tlssession.EvictionCause.FLUSHED);
			return new Result(sessions, latency[0], latency[1], latency[2], latency[3], perSession, sizeAfter,
					maxPerHost, perHost);
		}

		private Object newSession(String host, SplittableRandom random) throws Exception {
			if (!SSLSession.upRef(this.pointer)) {
				throw new IllegalStateException("native session released");
			}
			byte[] id = new byte[32];
			random.nextBytes(id);
			long now = System.currentTimeMillis() / 1000;
			// the strings come from JNI for every new session in the cache, so each
			// session has its own
			Object facts = this.facts.newInstance("heap", new TlsSessionKey(host, 443), SessionId.of(id),
					new String("TLSv1.3"), new String("TLS_AES_128_GCM_SHA256"), true, now, 3600L, Instant.now(),
					3_600_000L);
			return this.adopt.invoke(null, facts, this.generation, this.held, this.pointer, true, System.nanoTime());
		}

		private void release(Object session) {
			try {
				this.release.invoke(session);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private long usedHeap() throws InterruptedException {
			long used = Long.MAX_VALUE;
			for (int i = 0; i < 4; i++) {
				System.gc();
				Thread.sleep(50);
				used = Math.min(used, this.memory.getHeapMemoryUsage().getUsed());
			}
			return used;
		}

		@Override
		public void close() {
			this.server.close();
		}

	}

}
