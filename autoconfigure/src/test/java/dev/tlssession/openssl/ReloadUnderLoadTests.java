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

package dev.tlssession.openssl;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;

import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.netty.TrackedConnections;
import dev.tlssession.reactor.TlsSessionHttpClients;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TestCertificateAuthority;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import dev.tlssession.testsupport.Waits;
import io.netty.handler.ssl.SslHandler;
import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cache rebuilt two hundred times, alternating between two client identities, while
 * eight requests at a time churn connections through it: no request is lost, every
 * handshake (resumed ones included) authenticates the client with the identity of the
 * context that made its connection, as the server reports it, the old native contexts are
 * freed after their last connection and collected, and the native session references stay
 * what the cache holds. This is what a bundle reload does to a cache.
 */
class ReloadUnderLoadTests {

	private static final int RELOADS = 200;

	private static final int REQUESTS_PER_RELOAD = 10;

	@ParameterizedTest
	@EnumSource(value = ResumptionMode.class, names = { "TLS13", "TLS12_SESSION_IDS" })
	void rebuildsUnderLoadLoseNoRequestNeverResumeAcrossMaterialAndFreeTheOldContexts(ResumptionMode mode)
			throws Exception {
		TestCertificateAuthority pki = TestPki.get();
		List<X509Bundle> identities = List.of(pki.client("alice"), pki.client("bob"));
		List<TlsMaterial> materials = new ArrayList<>();
		for (X509Bundle identity : identities) {
			KeyManagerFactory keys = identity.toKeyManagerFactory();
			materials.add(new TlsMaterial(keys, pki.root().toTrustManagerFactory(), null, null));
		}
		Map<Object, String> subjectOfContext = Collections.synchronizedMap(new WeakHashMap<>());
		OpenSslTlsSessionCache cache = new OpenSslTlsSessionCache("reloaded", TlsSessionCacheSettings.DEFAULTS,
				materials.get(0));
		subjectOfContext.put(cache.sslContext(), subject(identities.get(0)));
		List<WeakReference<OpenSslTlsSessionCache.Context>> retired = new CopyOnWriteArrayList<>();
		HttpClient client = new TlsSessionHttpClients(new TlsSessionCaches(List.of(cache), Map.of(), "reloaded"))
			.routed(LoopbackResolver.apply(HttpClient.create(ConnectionProvider.newConnection())));
		long residentBefore = NativeReferences.residentKib();
		long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 10;
		churnThroughRebuilds(mode, cache, client, identities, materials, subjectOfContext, retired);
		Waits.until("every retired native context is freed after its last connection",
				() -> retired.stream()
					.map(WeakReference::get)
					.allMatch((context) -> context == null || context.released()));
		assertThat(((OpenSslTlsSessionCache.Context) cache.sslContext()).released()).isFalse();
		Waits.until("the cache holds what it counts", () -> cache.nativeSessionReferences() == cache.size());
		long residentAfter = NativeReferences.residentKib();
		long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 10;
		collect(retired);
		assertThat(retired).as("retired contexts still reachable").allMatch((context) -> context.get() == null);
		System.out.printf(
				"%s: native references %d for %d sessions, RSS %d KiB before, %d KiB after, committed "
						+ "heap %d KiB before, %d KiB after%n",
				mode, cache.nativeSessionReferences(), cache.size(), residentBefore, residentAfter, heapBefore,
				heapAfter);
		cache.close();
		assertThat(cache.nativeSessionReferences()).isZero();
		assertThat(TrackedConnections.size()).isZero();
	}

	/**
	 * Runs the load and checks every exchange; nothing it made stays referenced once it
	 * returns.
	 */
	private static void churnThroughRebuilds(ResumptionMode mode, OpenSslTlsSessionCache cache, HttpClient client,
			List<X509Bundle> identities, List<TlsMaterial> materials, Map<Object, String> subjectOfContext,
			List<WeakReference<OpenSslTlsSessionCache.Context>> retired) {
		TestCertificateAuthority pki = TestPki.get();
		try (TlsUpstream server = TestServers.start(mode, pki.server(), pki.root(), false)) {
			server.echoClientIdentity(true);
			AtomicBoolean reloading = new AtomicBoolean(true);
			AtomicInteger failures = new AtomicInteger();
			AtomicInteger done = new AtomicInteger();
			// a rebuild after every few requests, so that connections resume between
			// rebuilds and race them
			Mono<Void> reloader = Mono.<Void>fromRunnable(() -> {
				for (int i = 1; i <= RELOADS; i++) {
					awaitRequests(done, i * REQUESTS_PER_RELOAD);
					OpenSslTlsSessionCache.Context old = (OpenSslTlsSessionCache.Context) cache.sslContext();
					rebuild(cache, materials.get(i % 2));
					subjectOfContext.put(cache.sslContext(), subject(identities.get(i % 2)));
					retired.add(new WeakReference<>(old));
				}
				reloading.set(false);
			}).subscribeOn(Schedulers.boundedElastic());
			List<Exchange> exchanges = Flux.merge(reloader.then(Mono.empty()),
					Flux.range(0, Integer.MAX_VALUE)
						.takeWhile((i) -> reloading.get())
						.flatMap((i) -> exchange(client, server).doFinally((signal) -> done.incrementAndGet())
							.onErrorResume((ex) -> {
								failures.incrementAndGet();
								return Mono.empty();
							}), 8))
				.cast(Exchange.class)
				.collectList()
				.block(Duration.ofMinutes(3));
			assertThat(failures).as("requests lost").hasValue(0);
			assertThat(exchanges).hasSizeGreaterThanOrEqualTo(RELOADS * REQUESTS_PER_RELOAD);
			long resumed = exchanges.stream().filter(Exchange::resumed).count();
			assertThat(resumed).as("resumed between reloads").isPositive();
			for (Exchange exchange : exchanges) {
				assertThat(exchange.subject())
					.as("the identity the server authenticated, resumed: %s", exchange.resumed())
					.isEqualTo(subjectOfContext.get(exchange.context()));
			}
			System.out.printf("%s: %d requests through %d rebuilds, %d resumed, none lost%n", mode, exchanges.size(),
					RELOADS, resumed);
		}
	}

	private static Mono<Exchange> exchange(HttpClient client, TlsUpstream server) {
		return client.get().uri(server.url("localhost")).responseConnection((response, connection) -> {
			SslHandler handler = connection.channel().pipeline().get(SslHandler.class);
			Object context = ((OpenSslConnection) TrackedConnections.of(handler.engine())).context;
			return connection.inbound().receive().aggregate().asString().map((body) -> {
				String[] identity = body.split("\\|");
				return new Exchange(context, identity[0], Boolean.parseBoolean(identity[1]));
			});
		}).single();
	}

	private static void rebuild(OpenSslTlsSessionCache cache, TlsMaterial material) {
		try {
			cache.rebuild(material);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void awaitRequests(AtomicInteger done, int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (done.get() < count && System.nanoTime() - deadline < 0) {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static String subject(X509Bundle identity) {
		return identity.getCertificate().getSubjectX500Principal().getName();
	}

	/**
	 * Collects until the retired contexts are gone, at most ten rounds: what keeps one
	 * reachable fails the test.
	 */
	private static void collect(List<WeakReference<OpenSslTlsSessionCache.Context>> retired)
			throws InterruptedException {
		for (int round = 0; round < 10 && retired.stream().anyMatch((context) -> context.get() != null); round++) {
			System.gc();
			Thread.sleep(50);
		}
	}

	private record Exchange(Object context, String subject, boolean resumed) {
	}

}
