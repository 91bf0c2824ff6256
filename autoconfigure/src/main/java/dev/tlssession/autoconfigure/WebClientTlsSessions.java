package dev.tlssession.autoconfigure;

import java.util.function.Consumer;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Binds a {@link WebClient.Builder} to one named TLS session cache, whatever hosts it calls, the way
 * {@code WebClientSsl.fromBundle(name)} binds it to an SSL bundle:
 * {@code webClientBuilder.apply(webClientTlsSessions.fromCache("payments")).build()}.
 */
public interface WebClientTlsSessions {

	/**
	 * Returns a consumer that gives the builder a connector bound to a cache.
	 * @param cache the cache name
	 * @return the consumer
	 * @throws IllegalArgumentException if there is no such cache
	 */
	Consumer<WebClient.Builder> fromCache(String cache);

}
