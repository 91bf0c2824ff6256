package dev.tlssession.autoconfigure;

import java.util.function.Function;

import dev.tlssession.netty.RoutingSslContext;
import dev.tlssession.reactor.TlsSessionHttpClients;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * Spring Boot's Reactor connector builder, with every connector it builds secured by the TLS session caches.
 * <p>
 * The starter takes over applying the settings' SSL bundle: the bundle picks the caches (see
 * {@link TlsSessionClientRouting}) and each connection uses its cache's shared context. A client that an
 * {@code HttpClient} customizer has already secured keeps that configuration.
 */
public final class TlsSessionClientHttpConnectorBuilder implements ClientHttpConnectorBuilder<ReactorClientHttpConnector> {

	private final ReactorClientHttpConnectorBuilder delegate;

	private final Function<@Nullable SslBundle, @Nullable RoutingSslContext> routing;

	/**
	 * Wraps a builder.
	 * @param delegate Spring Boot's builder
	 * @param routing the context for a client's SSL bundle, or {@code null} to leave the client's own
	 */
	public TlsSessionClientHttpConnectorBuilder(ReactorClientHttpConnectorBuilder delegate,
			Function<@Nullable SslBundle, @Nullable RoutingSslContext> routing) {
		this.delegate = delegate;
		this.routing = routing;
	}

	/**
	 * A builder whose connectors use one cache for every host.
	 * @param context the cache's context
	 * @return the builder
	 */
	public TlsSessionClientHttpConnectorBuilder fromCache(RoutingSslContext context) {
		return new TlsSessionClientHttpConnectorBuilder(this.delegate, (bundle) -> context);
	}

	@Override
	public ReactorClientHttpConnector build(@Nullable HttpClientSettings settings) {
		HttpClientSettings resolved = (settings != null) ? settings : HttpClientSettings.defaults();
		RoutingSslContext context = this.routing.apply(resolved.sslBundle());
		if (context == null) {
			return this.delegate.build(resolved);
		}
		return this.delegate
			.withHttpClientCustomizer((client) -> TlsSessionHttpClients.secureUnlessSecured(client, context))
			.build(resolved.withSslBundle(null));
	}

}
