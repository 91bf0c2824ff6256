package dev.tlssession.autoconfigure;

import java.util.function.Function;

import dev.tlssession.netty.RoutingSslContext;
import dev.tlssession.reactor.TlsSessionHttpClients;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.ReactorClientHttpRequestFactory;

/**
 * Spring Boot's Reactor request factory builder (for {@code RestClient} and {@code RestTemplate}), with every
 * factory it builds secured by the TLS session caches, exactly like {@link TlsSessionClientHttpConnectorBuilder}.
 */
public final class TlsSessionClientHttpRequestFactoryBuilder
		implements ClientHttpRequestFactoryBuilder<ReactorClientHttpRequestFactory> {

	private final ReactorClientHttpRequestFactoryBuilder delegate;

	private final Function<@Nullable SslBundle, @Nullable RoutingSslContext> routing;

	/**
	 * Wraps a builder.
	 * @param delegate Spring Boot's builder
	 * @param routing the context for a client's SSL bundle, or {@code null} to leave the client's own
	 */
	public TlsSessionClientHttpRequestFactoryBuilder(ReactorClientHttpRequestFactoryBuilder delegate,
			Function<@Nullable SslBundle, @Nullable RoutingSslContext> routing) {
		this.delegate = delegate;
		this.routing = routing;
	}

	@Override
	public ReactorClientHttpRequestFactory build(@Nullable HttpClientSettings settings) {
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
