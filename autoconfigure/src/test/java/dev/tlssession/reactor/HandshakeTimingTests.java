package dev.tlssession.reactor;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.openssl.OpenSslTlsSessionCache;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TlsTestServer;
import dev.tlssession.testsupport.TlsTestServer.Mode;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the Reactor Netty binding, a handshake is timed from the connection becoming active: name resolution and
 * the TCP connect that come before are not part of it.
 */
class HandshakeTimingTests {

	private static final Duration RESOLUTION_DELAY = Duration.ofSeconds(1);

	@Test
	void handshakeDurationLeavesOutNameResolution() throws Exception {
		try (TlsTestServer server = TlsTestServer.start(Mode.TLS13)) {
			OpenSslTlsSessionCache cache = new OpenSslTlsSessionCache("a", TlsSessionCacheSettings.DEFAULTS,
					new TlsMaterial(null, TestPki.get().root().toTrustManagerFactory(), null, null));
			TlsSessionCaches caches = new TlsSessionCaches(List.of(cache), Map.of(), "a");
			List<Long> durations = new CopyOnWriteArrayList<>();
			caches.addHandshakeListener((c, key, outcome, protocol, nanos) -> durations.add(nanos));
			HttpClient client = new TlsSessionHttpClients(caches)
				.routed(HttpClient.create(ConnectionProvider.newConnection()).resolver(new SlowResolver()));
			long start = System.nanoTime();
			client.get().uri(server.url("localhost")).responseContent().aggregate().asString()
				.block(Duration.ofSeconds(10));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(RESOLUTION_DELAY);
			assertThat(durations).hasSize(1);
			assertThat(Duration.ofNanos(durations.get(0))).isLessThan(RESOLUTION_DELAY);
		}
	}

	/**
	 * Resolves with the JDK (loopback only), after a delay.
	 */
	static final class SlowResolver extends AddressResolverGroup<InetSocketAddress> {

		@Override
		protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) throws Exception {
			try {
				Thread.sleep(RESOLUTION_DELAY.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return DefaultAddressResolverGroup.INSTANCE.getResolver(executor);
		}

	}

}
