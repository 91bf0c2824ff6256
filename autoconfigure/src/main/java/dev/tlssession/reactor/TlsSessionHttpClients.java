package dev.tlssession.reactor;

import javax.net.ssl.SSLEngine;

import dev.tlssession.TlsSessionCaches;
import dev.tlssession.netty.ConnectionErrorHandler;
import dev.tlssession.netty.HandshakeStartHandler;
import dev.tlssession.netty.RoutingSslContext;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import reactor.netty.http.client.HttpClient;

/**
 * Secures Reactor Netty {@link HttpClient}s with the caches: each connection uses the cache its host routes to (or
 * one named cache) and that cache's handshake timeout.
 */
public final class TlsSessionHttpClients {

	private static final String START_HANDLER = "tlsSessionHandshakeStart";

	private static final String ERROR_HANDLER = "tlsSessionConnectionErrors";

	private final TlsSessionCaches caches;

	/**
	 * Creates a binder.
	 * @param caches the caches
	 */
	public TlsSessionHttpClients(TlsSessionCaches caches) {
		this.caches = caches;
	}

	/**
	 * Routes the client's connections by host rules, unmatched hosts to the default cache.
	 * @param client the client
	 * @return the secured client
	 */
	public HttpClient routed(HttpClient client) {
		return secure(client, this.caches.sslContext());
	}

	/**
	 * Binds every connection of the client to one cache, whatever the host.
	 * @param client the client
	 * @param cache the cache name
	 * @return the secured client
	 * @throws IllegalArgumentException if there is no such cache
	 */
	public HttpClient fromCache(HttpClient client, String cache) {
		return secure(client, this.caches.sslContext(cache));
	}

	/**
	 * Secures a client with a routing context.
	 * @param client the client
	 * @param context the context
	 * @return the secured client
	 */
	public static HttpClient secure(HttpClient client, RoutingSslContext context) {
		HandshakeStartHandler start = new HandshakeStartHandler(context);
		ConnectionErrorHandler errors = new ConnectionErrorHandler(context);
		return client.secure((spec) -> spec.sslContext((SslContext) context).handlerConfigurator((handler) -> {
			SSLEngine engine = handler.engine();
			long timeout = context.cacheFor(engine.getPeerHost(), engine.getPeerPort())
				.settings()
				.handshakeTimeout()
				.toMillis();
			handler.setHandshakeTimeoutMillis(timeout);
		})).doOnChannelInit((observer, channel, address) -> {
			ChannelHandlerContext ssl = channel.pipeline().context(SslHandler.class);
			if (ssl != null) {
				channel.pipeline().addBefore(ssl.name(), START_HANDLER, start).addAfter(ssl.name(), ERROR_HANDLER, errors);
			}
		});
	}

	/**
	 * Secures a client with a routing context unless it is already secured (an application's own SSL
	 * configuration wins).
	 * @param client the client
	 * @param context the context
	 * @return the client
	 */
	public static HttpClient secureUnlessSecured(HttpClient client, RoutingSslContext context) {
		return (client.configuration().sslProvider() != null) ? client : secure(client, context);
	}

}
