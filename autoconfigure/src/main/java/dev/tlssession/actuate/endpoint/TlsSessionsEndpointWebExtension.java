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

package dev.tlssession.actuate.endpoint;

import dev.tlssession.TlsSessionCaches;
import dev.tlssession.actuate.endpoint.TlsSessionsEndpoint.CacheDetailsDescriptor;
import dev.tlssession.actuate.endpoint.TlsSessionsEndpoint.RemovalDescriptor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the {@link TlsSessionsEndpoint}:
 * 404 with a message for an unknown cache, 400 for a host without a port or a limit out
 * of range.
 *
 * @since 0.1.0
 */
@EndpointWebExtension(endpoint = TlsSessionsEndpoint.class)
public class TlsSessionsEndpointWebExtension {

	private final TlsSessionsEndpoint delegate;

	private final TlsSessionCaches caches;

	/**
	 * Creates an extension.
	 * @param delegate the endpoint
	 * @param caches the caches
	 */
	public TlsSessionsEndpointWebExtension(TlsSessionsEndpoint delegate, TlsSessionCaches caches) {
		this.delegate = delegate;
		this.caches = caches;
	}

	/**
	 * Describes one cache and its oldest sessions.
	 * @param cache the cache name
	 * @param limit how many sessions to list, or {@code null} for the default
	 * @return the descriptor, 404 or 400
	 */
	@ReadOperation
	public WebEndpointResponse<Object> cache(@Selector String cache, @Nullable Integer limit) {
		try {
			CacheDetailsDescriptor details = this.delegate.cache(cache, limit);
			return (details != null) ? new WebEndpointResponse<>(details) : notFound(cache);
		}
		catch (IllegalArgumentException ex) {
			return badRequest(ex);
		}
	}

	/**
	 * Flushes a cache or removes one upstream's sessions.
	 * @param cache the cache name
	 * @param host the upstream's host, or {@code null}
	 * @param port the upstream's port, or {@code null}
	 * @return what was removed, 404 or 400
	 */
	@DeleteOperation
	public WebEndpointResponse<Object> removeSessions(@Selector String cache, @Nullable String host,
			@Nullable Integer port) {
		try {
			RemovalDescriptor removal = this.delegate.removeSessions(cache, host, port);
			return (removal != null) ? new WebEndpointResponse<>(removal) : notFound(cache);
		}
		catch (IllegalArgumentException ex) {
			return badRequest(ex);
		}
	}

	private WebEndpointResponse<Object> badRequest(IllegalArgumentException ex) {
		return new WebEndpointResponse<>(new Message(ex.getMessage()), WebEndpointResponse.STATUS_BAD_REQUEST);
	}

	private WebEndpointResponse<Object> notFound(String cache) {
		return new WebEndpointResponse<>(
				new Message("No TLS session cache '" + cache + "'; caches are " + this.caches.names()),
				WebEndpointResponse.STATUS_NOT_FOUND);
	}

	/**
	 * An error message.
	 *
	 * @param message the message
	 */
	public record Message(String message) implements OperationResponseBody {
	}

}
