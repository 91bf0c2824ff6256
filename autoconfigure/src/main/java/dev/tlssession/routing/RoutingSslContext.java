package dev.tlssession.routing;

import java.util.function.BiFunction;

import dev.tlssession.netty.ForwardingSslContext;
import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;

/**
 * A client context that hands each connection to the context chosen for its upstream (the current context of the
 * cache its host routes to). Handlers come from that context, so its session handling and resumption detection
 * apply unchanged, and a rebuilt cache is picked up by the next connection.
 */
public final class RoutingSslContext extends ForwardingSslContext {

	private final BiFunction<@Nullable String, Integer, SslContext> contexts;

	/**
	 * Creates a context.
	 * @param contexts the context for a connection's host (or {@code null}) and port (or {@code -1})
	 */
	public RoutingSslContext(BiFunction<@Nullable String, Integer, SslContext> contexts) {
		this.contexts = contexts;
	}

	@Override
	protected SslContext target(@Nullable String host, int port) {
		return this.contexts.apply(host, port);
	}

}
