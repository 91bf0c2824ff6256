package dev.tlssession.testsupport;

import io.netty.resolver.DefaultAddressResolverGroup;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;

/**
 * Makes Reactor Netty resolve host names with the JDK, which reads the test hosts file
 * ({@code -Djdk.net.hosts.file}), instead of its own DNS client: test names resolve to 127.0.0.1 and no query
 * leaves the machine.
 */
public final class LoopbackResolver {

	private LoopbackResolver() {
	}

	public static HttpClient apply(HttpClient client) {
		return client.resolver(DefaultAddressResolverGroup.INSTANCE);
	}

	public static ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> customizer() {
		return (builder) -> builder.withHttpClientCustomizer(LoopbackResolver::apply);
	}

}
