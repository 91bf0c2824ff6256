package dev.tlssession.netty;

import dev.tlssession.routing.CacheResolver;
import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;

/**
 * A client context that hands each connection to the current context of the cache its host routes to. Handlers
 * come from the cache's own context, so its session handling and resumption detection apply unchanged, and a
 * rebuilt cache is picked up by the next connection.
 */
public final class RoutingSslContext extends ForwardingSslContext {

	private final CacheResolver resolver;

	/**
	 * Creates a context.
	 * @param resolver picks the cache per connection
	 */
	public RoutingSslContext(CacheResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	protected SslContext target(@Nullable String host, int port) {
		return this.resolver.resolve(host, port).sslContext();
	}

}
