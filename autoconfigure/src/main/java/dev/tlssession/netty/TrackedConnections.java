package dev.tlssession.netty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLEngine;

import org.jspecify.annotations.Nullable;

/**
 * The connections the caches track, by engine: whatever cache, provider or context made a connection, its
 * handlers find it here, and a connection is never attributed by its host and port to a cache that did not make
 * it. An engine is registered when its handler is made and leaves when its connection ends.
 */
public final class TrackedConnections {

	private static final Map<SSLEngine, TrackedConnection> CONNECTIONS = new ConcurrentHashMap<>();

	private TrackedConnections() {
	}

	/**
	 * Tracks a connection.
	 * @param engine its engine
	 * @param connection what its cache tracks
	 */
	public static void register(SSLEngine engine, TrackedConnection connection) {
		CONNECTIONS.put(engine, connection);
	}

	/**
	 * Stops tracking a connection.
	 * @param engine its engine
	 * @param connection what its cache tracked
	 */
	public static void unregister(SSLEngine engine, TrackedConnection connection) {
		CONNECTIONS.remove(engine, connection);
	}

	/**
	 * The tracked connection of an engine.
	 * @param engine the engine
	 * @return the connection, or {@code null} when no cache made it or it has ended
	 */
	public static @Nullable TrackedConnection of(SSLEngine engine) {
		return CONNECTIONS.get(engine);
	}

	/**
	 * How many connections are tracked now.
	 * @return the count
	 */
	public static int size() {
		return CONNECTIONS.size();
	}

}
