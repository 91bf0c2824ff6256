package dev.tlssession.netty;

import java.util.List;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSessionContext;

import dev.tlssession.TlsSessionCache;
import dev.tlssession.routing.CacheResolver;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolNegotiator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

/**
 * A client context that hands each connection to the current context of the cache its host routes to. Handlers
 * come from the cache's own context, so its session handling and resumption detection apply unchanged, and a
 * rebuilt cache is picked up by the next connection.
 */
public final class RoutingSslContext extends SslContext {

	private final CacheResolver resolver;

	/**
	 * Creates a context.
	 * @param resolver picks the cache per connection
	 */
	public RoutingSslContext(CacheResolver resolver) {
		this.resolver = resolver;
	}

	/**
	 * The cache a connection to an upstream uses.
	 * @param host the host name, or {@code null}
	 * @param port the port
	 * @return the cache
	 */
	public TlsSessionCache cacheFor(String host, int port) {
		return this.resolver.resolve(host, port);
	}

	private SslContext fallback() {
		return this.resolver.resolve(null, -1).sslContext();
	}

	private SslContext route(String host, int port) {
		return this.resolver.resolve(host, port).sslContext();
	}

	@Override
	public boolean isClient() {
		return true;
	}

	@Override
	public List<String> cipherSuites() {
		return fallback().cipherSuites();
	}

	@Override
	@SuppressWarnings("deprecation")
	public ApplicationProtocolNegotiator applicationProtocolNegotiator() {
		return fallback().applicationProtocolNegotiator();
	}

	@Override
	public SSLEngine newEngine(ByteBufAllocator alloc) {
		return fallback().newEngine(alloc);
	}

	@Override
	public SSLEngine newEngine(ByteBufAllocator alloc, String peerHost, int peerPort) {
		return route(peerHost, peerPort).newEngine(alloc, peerHost, peerPort);
	}

	@Override
	public SSLSessionContext sessionContext() {
		return fallback().sessionContext();
	}

	@Override
	protected SslHandler newHandler(ByteBufAllocator alloc, boolean startTls) {
		return fallback().newHandler(alloc);
	}

	@Override
	protected SslHandler newHandler(ByteBufAllocator alloc, boolean startTls, Executor executor) {
		return fallback().newHandler(alloc, executor);
	}

	@Override
	protected SslHandler newHandler(ByteBufAllocator alloc, String peerHost, int peerPort, boolean startTls) {
		return route(peerHost, peerPort).newHandler(alloc, peerHost, peerPort);
	}

	@Override
	protected SslHandler newHandler(ByteBufAllocator alloc, String peerHost, int peerPort, boolean startTls,
			Executor executor) {
		return route(peerHost, peerPort).newHandler(alloc, peerHost, peerPort, executor);
	}

}
