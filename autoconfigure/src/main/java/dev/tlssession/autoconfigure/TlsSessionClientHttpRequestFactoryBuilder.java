package dev.tlssession.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ReactorClientHttpRequestFactory;

/**
 * Spring Boot's Reactor request factory builder (for {@code RestClient} and {@code RestTemplate}), with every
 * factory it builds secured by the TLS session caches, exactly like {@link TlsSessionClientHttpConnectorBuilder}.
 */
final class TlsSessionClientHttpRequestFactoryBuilder
		implements ClientHttpRequestFactoryBuilder<ReactorClientHttpRequestFactory> {

	private final ReactorClientHttpRequestFactoryBuilder delegate;

	private final SslBundleRouting routing;

	TlsSessionClientHttpRequestFactoryBuilder(ReactorClientHttpRequestFactoryBuilder delegate,
			SslBundleRouting routing) {
		this.delegate = delegate;
		this.routing = routing;
	}

	@Override
	public ReactorClientHttpRequestFactory build(@Nullable HttpClientSettings settings) {
		return this.routing.build(settings, (customizer, resolved) -> ((customizer != null)
				? this.delegate.withHttpClientCustomizer(customizer) : this.delegate).build(resolved));
	}

}
