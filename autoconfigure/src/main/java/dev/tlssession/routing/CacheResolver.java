package dev.tlssession.routing;

import dev.tlssession.TlsSessionCache;
import org.jspecify.annotations.Nullable;

/**
 * Picks the cache for a connection.
 */
@FunctionalInterface
public interface CacheResolver {

	/**
	 * The cache for an upstream.
	 * @param host the host name, or {@code null} when the connection has none
	 * @param port the port, or {@code -1} when unknown
	 * @return the cache
	 */
	TlsSessionCache resolve(@Nullable String host, int port);

}
