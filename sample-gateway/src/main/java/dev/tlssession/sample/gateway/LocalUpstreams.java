package dev.tlssession.sample.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.internal.tcnative.SSL;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;

/**
 * Two HTTPS upstreams on loopback (TLS 1.3), each closing every connection after its
 * response, as upstreams behind load balancers that close idle connections do: every
 * proxied request is a new TLS connection from the gateway. Each counts the handshakes it
 * resumed, the server's view next to the caches'.
 */
final class LocalUpstreams implements SmartLifecycle {

	private final LocalPki pki;

	private final Ports ports;

	private final Map<String, Upstream> upstreams = new LinkedHashMap<>();

	private volatile boolean running;

	LocalUpstreams(LocalPki pki, Ports ports) {
		this.pki = pki;
		this.ports = ports;
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

	@Override
	public void start() {
		try {
			SslContext context = SslContextBuilder
				.forServer(this.pki.server().getKeyPair().getPrivate(), this.pki.server().getCertificatePath())
				.protocols("TLSv1.3")
				.build();
			this.upstreams.put("orders", new Upstream("orders", this.ports.ordersPort(), context));
			this.upstreams.put("inventory", new Upstream("inventory", this.ports.inventoryPort(), context));
			this.running = true;
		}
		catch (Exception ex) {
			stop();
			throw new IllegalStateException("The local upstreams cannot start (ports " + this.ports.ordersPort()
					+ " and " + this.ports.inventoryPort() + "; change sample.local-upstreams.*-port)", ex);
		}
	}

	@Override
	public void stop() {
		this.upstreams.values().forEach(Upstream::stop);
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
			.forEach((name, upstream) -> views.put(name, new ServerView(upstream.resumed.get(), upstream.full.get())));
		return views;
	}

	/**
	 * Handshakes as an upstream's server saw them.
	 *
	 * @param resumed resumed handshakes
	 * @param full full handshakes
	 */
	record ServerView(long resumed, long full) {
	}

	private static final class Upstream {

		private final AtomicLong resumed = new AtomicLong();

		private final AtomicLong full = new AtomicLong();

		private final DisposableServer server;

		Upstream(String name, int port, SslContext context) {
			this.server = HttpServer.create()
				.host("127.0.0.1")
				.port(port)
				.secure((spec) -> spec.sslContext(context))
				.doOnChannelInit((observer, channel, address) -> {
					SslHandler handler = channel.pipeline().get(SslHandler.class);
					long start = System.currentTimeMillis();
					handler.handshakeFuture().addListener((future) -> {
						if (future.isSuccess()) {
							(isResumed(handler, start) ? this.resumed : this.full).incrementAndGet();
						}
					});
				})
				.route((routes) -> routes
					.get("/**",
							(request, response) -> response.keepAlive(false)
								.header("Content-Type", "application/json")
								.sendString(Mono
									.just("{\"upstream\":\"" + name + "\",\"path\":\"" + request.path() + "\"}"))))
				.bindNow(Duration.ofSeconds(10));
		}

		private static boolean isResumed(SslHandler handler, long startMillis) {
			if (handler.engine() instanceof ReferenceCountedOpenSslEngine engine) {
				synchronized (engine) {
					return engine.sslPointer() != 0 && SSL.isSessionReused(engine.sslPointer());
				}
			}
			// the JDK's server (where netty-tcnative has no native library): a resumed
			// session predates the connection
			return handler.engine().getSession().getCreationTime() < startMillis;
		}

		void stop() {
			this.server.disposeNow(Duration.ofSeconds(5));
		}

	}

}
