package dev.tlssession.autoconfigure;

import java.util.function.Consumer;

import dev.tlssession.TlsSessionCaches;
import dev.tlssession.netty.RoutingSslContext;
import dev.tlssession.reactor.TlsSessionHttpClients;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * {@link WebClientTlsSessions} on the auto-configured connector builder and settings.
 */
final class AutoConfiguredWebClientTlsSessions implements WebClientTlsSessions {

	private final TlsSessionCaches caches;

	private final ClientHttpConnectorBuilder<?> connectorBuilder;

	private final HttpClientSettings settings;

	AutoConfiguredWebClientTlsSessions(TlsSessionCaches caches, ClientHttpConnectorBuilder<?> connectorBuilder,
			HttpClientSettings settings) {
		this.caches = caches;
		this.connectorBuilder = connectorBuilder;
		this.settings = settings;
	}

	@Override
	public Consumer<WebClient.Builder> fromCache(String cache) {
		RoutingSslContext context = this.caches.sslContext(cache);
		return (builder) -> {
			if (this.connectorBuilder instanceof TlsSessionClientHttpConnectorBuilder managed) {
				builder.clientConnector(managed.fromCache(context).build(this.settings));
			}
			else {
				builder.clientConnector(
						new ReactorClientHttpConnector(TlsSessionHttpClients.secure(HttpClient.create(), context)));
			}
		};
	}

}
