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

package dev.tlssession.routing;

import java.util.function.BiFunction;

import dev.tlssession.netty.ForwardingSslContext;
import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;

/**
 * A client context that hands each connection to the context chosen for its upstream (the
 * current context of the cache its host routes to). Handlers come from that context, so
 * its session handling and resumption detection apply unchanged, and a rebuilt cache is
 * picked up by the next connection.
 *
 * @since 0.1.0
 */
public final class RoutingSslContext extends ForwardingSslContext {

	private final BiFunction<@Nullable String, Integer, SslContext> contexts;

	/**
	 * Creates a context.
	 * @param contexts the context for a connection's host (or {@code null}) and port (or
	 * {@code -1})
	 */
	public RoutingSslContext(BiFunction<@Nullable String, Integer, SslContext> contexts) {
		this.contexts = contexts;
	}

	@Override
	protected SslContext target(@Nullable String host, int port) {
		return this.contexts.apply(host, port);
	}

}
