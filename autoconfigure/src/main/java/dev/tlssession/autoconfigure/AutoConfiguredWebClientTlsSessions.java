package dev.tlssession.autoconfigure;

import java.util.function.Consumer;

import dev.tlssession.TlsSessionCaches;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link WebClientTlsSessions} through Spring Boot's auto-configured connector builder and settings, as
 * {@code AutoConfiguredWebClientSsl} does for bundles: the connector gets the application's Reactor resources, timeouts
 * and customizers, and one cache's context.
 */
final class AutoConfiguredWebClientTlsSessions implements WebClientTlsSessions {

	private final TlsSessionCaches caches;

	private final TlsSessionClientHttpConnectorBuilder connectorBuilder;

	private final HttpClientSettings settings;

	AutoConfiguredWebClientTlsSessions(TlsSessionCaches caches, TlsSessionClientHttpConnectorBuilder connectorBuilder,
			HttpClientSettings settings) {
		this.caches = caches;
		this.connectorBuilder = connectorBuilder;
		this.settings = settings;
	}

	@Override
	public Consumer<WebClient.Builder> fromCache(String cache) {
		TlsSessionClientHttpConnectorBuilder bound = this.connectorBuilder.fromCache(this.caches.sslContext(cache));
		return (builder) -> builder.clientConnector(bound.build(this.settings));
	}

}
