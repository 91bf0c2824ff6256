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

package dev.tlssession.netty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLEngine;

import org.jspecify.annotations.Nullable;

/**
 * The connections the caches track, by engine: whatever cache, provider or context made a
 * connection, its handlers find it here, and a connection is never attributed by its host
 * and port to a cache that did not make it. An engine is registered when its handler is
 * made and leaves when its connection ends.
 *
 * @since 0.1.0
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
