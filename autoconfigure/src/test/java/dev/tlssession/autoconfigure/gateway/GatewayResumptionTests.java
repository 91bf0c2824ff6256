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

package dev.tlssession.autoconfigure.gateway;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.autoconfigure.gateway.GatewayApplication.Response;
import dev.tlssession.test.NginxServer;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.test.UpstreamHandshake;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import dev.tlssession.testsupport.Waits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Cloud Gateway application proxying real TLS upstreams on 127.0.0.1 through the
 * starter, with nothing written for it: what the upstream servers saw decides.
 */
class GatewayResumptionTests {

	private static final String SSL = "spring.cloud.gateway.server.webflux.httpclient.ssl.";

	private static final int REQUESTS = 200;

	private static final int IN_FLIGHT = 8;

	@TempDir
	Path directory;

	/**
	 * Two routes to nginx upstreams that close every connection: one host has a cache of
	 * its own, the other goes to the default cache; both use the gateway's SSL bundle, so
	 * the gateway routes among the caches of that bundle.
	 */
	@Test
	void everyRouteResumesThroughItsCacheAsNginxSeesItAndTheMetersAgree() throws Exception {
		try (NginxServer payments = TestServers.nginx(ResumptionMode.TLS13, this.directory.resolve("payments"));
				NginxServer other = TestServers.nginx(ResumptionMode.TLS13, this.directory.resolve("other"));
				GatewayApplication gateway = GatewayApplication
					.start(properties(GatewayApplication.route(0, "payments", payments.url("payments.test")),
							GatewayApplication.route(1, "other", other.url("other.test")),
							TestPki.get().sslBundlePropertyValues("test"), SSL + "ssl-bundle=test",
							"tls.session.caches.payments.hosts=payments.test",
							"tls.session.caches.payments.ssl-bundle=test", "tls.session.caches.default.ssl-bundle=test",
							// README: at least the concurrency opened to one upstream
							// (TLS 1.3 tickets are single-use)
							"tls.session.cache-defaults.max-sessions-per-host=" + IN_FLIGHT))) {
			CompletableFuture<List<Response>> toPayments = CompletableFuture
				.supplyAsync(() -> gateway.get("/payments/", REQUESTS, IN_FLIGHT));
			CompletableFuture<List<Response>> toOther = CompletableFuture
				.supplyAsync(() -> gateway.get("/other/", REQUESTS, IN_FLIGHT));
			List<Response> paymentsResponses = toPayments.get();
			List<Response> otherResponses = toOther.get();
			assertThat(paymentsResponses).hasSize(REQUESTS).allMatch(Response::ok);
			assertThat(otherResponses).hasSize(REQUESTS).allMatch(Response::ok);
			MeterRegistry meters = gateway.meters();
			Counts paymentsCounts = Counts.of(payments.handshakes(bodies(paymentsResponses)));
			Counts otherCounts = Counts.of(other.handshakes(bodies(otherResponses)));
			System.out.printf(
					"Gateway route 'payments' (cache payments): nginx saw %d resumed, %d full; "
							+ "route 'other' (cache default): %d resumed, %d full%n",
					paymentsCounts.resumed, paymentsCounts.full, otherCounts.resumed, otherCounts.full);
			for (Object[] route : new Object[][] { { "payments", paymentsCounts }, { "default", otherCounts } }) {
				String cache = (String) route[0];
				Counts counts = (Counts) route[1];
				assertThat(counts.resumed + counts.full).as("handshakes nginx saw for cache %s", cache)
					.isEqualTo(REQUESTS);
				assertThat(counts.resumed).as("resumed as nginx saw it, cache %s", cache)
					.isGreaterThanOrEqualTo(REQUESTS * 95 / 100);
				assertThat(handshakes(meters, cache, "resumed")).as("resumed meter, cache %s", cache)
					.isEqualTo(counts.resumed);
				assertThat(handshakes(meters, cache, "full")).as("full meter, cache %s", cache).isEqualTo(counts.full);
				assertThat(handshakes(meters, cache, "failed")).isZero();
			}
			// the gateway's own meter is still there and counts what it always did
			Waits.until("the gateway's request meter", () -> gatewayRequests(meters, "payments") == REQUESTS
					&& gatewayRequests(meters, "other") == REQUESTS);
			JsonNode endpoint = JsonMapper.builder().build().readTree(gateway.actuator("/actuator/tlssessions"));
			assertThat(endpoint.at("/caches/payments/handshakes/resumed").asLong()).isEqualTo(paymentsCounts.resumed);
			assertThat(endpoint.at("/caches/default/handshakes/resumed").asLong()).isEqualTo(otherCounts.resumed);
		}
	}

	/**
	 * The gateway's bundle trusts an authority the upstream's certificate does not chain
	 * to: whether the caches use that bundle or not (then a cache that would trust the
	 * upstream exists but the gateway keeps its own context), every request fails,
	 * nothing reaches nginx and nothing is cached. The right bundle then resumes.
	 */
	@Test
	void gatewayBundleOfAnotherAuthorityFailsEveryRequestAndCachesNothing() throws Exception {
		String[] bundles = concat(TestPki.get().sslBundlePropertyValues("test"),
				TestPki.create("Other CA").sslBundlePropertyValues("other"));
		try (NginxServer upstream = TestServers.nginx(ResumptionMode.TLS13, this.directory.resolve("nginx"))) {
			String[] route = GatewayApplication.route(0, "api", upstream.url("api.test"));
			for (String[] caches : List.of(new String[] { "tls.session.caches.default.ssl-bundle=other" },
					new String[] { "tls.session.caches.default.ssl-bundle=test" })) {
				try (GatewayApplication gateway = GatewayApplication
					.start(properties(route, bundles, caches, new String[] { SSL + "ssl-bundle=other" }))) {
					List<Response> responses = gateway.get("/api/", 20, 4);
					assertThat(responses).hasSize(20).noneMatch(Response::ok);
					TlsSessionCaches registry = gateway.bean(TlsSessionCaches.class);
					assertThat(registry.caches()).allSatisfy((cache) -> {
						assertThat(cache.sessions()).as("sessions of cache %s", cache.name()).isEmpty();
						assertThat(cache.stats().resumedHandshakes() + cache.stats().fullHandshakes()).isZero();
					});
					if (caches[0].endsWith("=other")) {
						assertThat(registry.get("default").stats().failedHandshakes()).isEqualTo(20);
					}
				}
			}
			assertThat(upstream.handshakes(List.of())).as("requests that reached nginx").isEmpty();
			try (GatewayApplication gateway = GatewayApplication.start(properties(route, bundles,
					new String[] { SSL + "ssl-bundle=test", "tls.session.caches.default.ssl-bundle=test" }))) {
				List<Response> responses = gateway.get("/api/", 20, 1);
				assertThat(responses).hasSize(20).allMatch(Response::ok);
				List<UpstreamHandshake> seen = upstream.handshakes(bodies(responses));
				assertThat(seen).extracting(UpstreamHandshake::resumed).containsOnlyOnce(false);
				assertThat(gateway.bean(TlsSessionCaches.class).get("default").stats().resumedHandshakes())
					.isEqualTo(19);
			}
		}
	}

	/**
	 * The upstream rotates its ticket keys twice while 8 requests are in flight: the
	 * offers it declines cost full handshakes, never a request.
	 */
	@Test
	void upstreamRotatingItsTicketKeysMidRunLosesNoProxiedRequest() {
		TlsUpstream started = TestServers.start(ResumptionMode.TLS13);
		// closed in reverse: the server before the gateway, whose close disposes Reactor
		// Netty's shared event loops
		try (GatewayApplication gateway = GatewayApplication
			.start(properties(GatewayApplication.route(0, "api", started.url("api.test")),
					TestPki.get().sslBundlePropertyValues("test"), SSL + "ssl-bundle=test",
					"tls.session.caches.default.ssl-bundle=test",
					"tls.session.cache-defaults.max-sessions-per-host=" + IN_FLIGHT));
				TlsUpstream upstream = started) {
			List<Response> responses = new ArrayList<>();
			for (int phase = 0; phase < 3; phase++) {
				if (phase > 0) {
					upstream.rotateTicketKeys();
				}
				responses.addAll(gateway.get("/api/", 100, IN_FLIGHT));
			}
			assertThat(responses).hasSize(300).allMatch(Response::ok);
			TlsSessionCache cache = gateway.bean(TlsSessionCaches.class).get("default");
			System.out.printf(
					"Gateway through ticket key rotations: server saw %d resumed, %d full, %d failed; "
							+ "%d offers declined%n",
					upstream.resumed(), upstream.full(), upstream.failedHandshakes(), cache.stats().offersRejected());
			assertThat(upstream.failedHandshakes()).isZero();
			assertThat(cache.stats().failedHandshakes()).isZero();
			assertThat(cache.stats().offersRejected()).as("offers declined after a rotation").isPositive();
			assertThat(upstream.resumed() + upstream.full()).isEqualTo(300);
			assertThat(upstream.resumed()).isGreaterThanOrEqualTo(300 * 90 / 100);
		}
	}

	/**
	 * A load-balanced route ({@code lb://orders}) over two nginx instances from the
	 * simple discovery client: the gateway rewrites the URI to the chosen instance's host
	 * and port, so sessions follow the instance, not the service name. An instance that
	 * leaves discovery keeps its sessions; one that comes back after a restart with new
	 * ticket keys costs one full handshake.
	 */
	@Test
	void loadBalancedRouteSessionsFollowTheInstance() throws Exception {
		try (NginxServer a = TestServers.nginx(ResumptionMode.TLS13, this.directory.resolve("a"));
				NginxServer b = TestServers.nginx(ResumptionMode.TLS13, this.directory.resolve("b"));
				GatewayApplication gateway = GatewayApplication
					.start(properties(GatewayApplication.route(0, "orders", "lb://orders"),
							TestPki.get().sslBundlePropertyValues("test"),
							new String[] {
									"spring.cloud.discovery.client.simple.instances.orders[0].uri="
											+ a.url("a.catalog.test").replaceAll("/$", ""),
									"spring.cloud.discovery.client.simple.instances.orders[1].uri="
											+ b.url("b.catalog.test").replaceAll("/$", ""),
									"spring.cloud.loadbalancer.cache.enabled=false",
									// the load balancer's per-service context at
									// start-up, not on the first request's event loop
									// (where it would read class files)
									"spring.cloud.loadbalancer.eager-load.clients=orders",
									"tls.session.caches.catalog.hosts=*.catalog.test",
									"tls.session.caches.catalog.ssl-bundle=test" }))) {
			List<String> toA = new ArrayList<>();
			List<String> toB = new ArrayList<>();
			// round robin over the two instances, one request at a time
			for (Response response : gateway.get("/orders/", 20, 1)) {
				assertThat(response.ok()).isTrue();
			}
			toA.addAll(bodies(20 / 2));
			toB.addAll(bodies(20 / 2));
			assertThat(a.handshakes(toA)).extracting(UpstreamHandshake::resumed).containsOnlyOnce(false).hasSize(10);
			assertThat(b.handshakes(toB)).extracting(UpstreamHandshake::resumed).containsOnlyOnce(false).hasSize(10);
			TlsSessionCache catalogCache = gateway.bean(TlsSessionCaches.class).get("catalog");
			assertThat(catalogCache.sessions()).extracting((session) -> session.key().host())
				.containsOnly("a.catalog.test", "b.catalog.test");
			assertThat(gateway.bean(TlsSessionCaches.class).get("default").stats().fullHandshakes()).isZero();
			List<InstanceProperties> instances = gateway.bean(SimpleReactiveDiscoveryProperties.class)
				.getInstances("orders");
			// a leaves discovery and comes back unchanged: its sessions waited in the
			// cache
			InstanceProperties instanceA = instances.remove(0);
			assertThat(gateway.get("/orders/", 4, 1)).allMatch(Response::ok);
			toB.addAll(bodies(4));
			instances.add(instanceA);
			assertThat(gateway.get("/orders/", 4, 1)).allMatch(Response::ok);
			toA.addAll(bodies(2));
			toB.addAll(bodies(2));
			// b leaves discovery, restarts with new ticket keys, and comes back
			InstanceProperties instanceB = instances.remove(0);
			assertThat(gateway.get("/orders/", 6, 1)).allMatch(Response::ok);
			toA.addAll(bodies(6));
			b.forgetSessions();
			instances.add(instanceB);
			assertThat(gateway.get("/orders/", 12, 1)).allMatch(Response::ok);
			toA.addAll(bodies(6));
			toB.addAll(bodies(6));
			List<UpstreamHandshake> seenByA = a.handshakes(toA);
			List<UpstreamHandshake> seenByB = b.handshakes(toB);
			System.out.printf("Load-balanced route: instance a saw %s, instance b saw %s%n", Counts.of(seenByA),
					Counts.of(seenByB));
			// a: one full handshake in all, its absence from discovery cost nothing
			assertThat(seenByA).hasSize(24).extracting(UpstreamHandshake::resumed).containsOnlyOnce(false);
			assertThat(seenByA.get(0).resumed()).isFalse();
			// b: its first life (1 full, 15 resumed), then one full handshake after its
			// restart, then resumed
			List<Boolean> expectedB = new ArrayList<>(Collections.nCopies(22, true));
			expectedB.set(0, false);
			expectedB.set(16, false);
			assertThat(seenByB).extracting(UpstreamHandshake::resumed).containsExactlyElementsOf(expectedB);
			assertThat(catalogCache.stats().offersRejected()).as("b's stale ticket declined once").isEqualTo(1);
		}
	}

	private static List<String> bodies(int count) {
		return new ArrayList<>(Collections.nCopies(count, "ok"));
	}

	private static List<String> bodies(List<Response> responses) {
		return responses.stream().map(Response::body).toList();
	}

	private static long handshakes(MeterRegistry meters, String cache, String outcome) {
		Timer timer = meters.find("tls.session.handshakes").tag("cache", cache).tag("outcome", outcome).timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static long gatewayRequests(MeterRegistry meters, String route) {
		return meters.find("spring.cloud.gateway.requests")
			.tag("routeId", route)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private static String[] properties(Object... parts) {
		return Stream.of(parts)
			.flatMap((part) -> (part instanceof String[] array) ? Arrays.stream(array) : Stream.of((String) part))
			.toArray(String[]::new);
	}

	private static String[] concat(String[]... parts) {
		return properties((Object[]) parts);
	}

	private record Counts(long resumed, long full) {

		static Counts of(List<UpstreamHandshake> handshakes) {
			long resumed = handshakes.stream().filter(UpstreamHandshake::resumed).count();
			return new Counts(resumed, handshakes.size() - resumed);
		}

		@Override
		public String toString() {
			return this.resumed + " resumed, " + this.full + " full";
		}

	}

}
