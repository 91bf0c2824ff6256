package dev.tlssession.autoconfigure.gateway;

import dev.tlssession.autoconfigure.TlsSessionAutoConfiguration;
import dev.tlssession.autoconfigure.TlsSessionClientRouting;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that puts Spring Cloud Gateway's proxy {@link HttpClient} on the TLS session caches, through
 * the gateway's own extension point, an {@link HttpClientCustomizer}. Nothing of the gateway is loaded unless it is
 * on the class path.
 */
// after the caches' routing, whose bean it needs; before the gateway's, whose HttpClientFactory takes the customizers
@AutoConfiguration(after = TlsSessionAutoConfiguration.class,
		beforeName = "org.springframework.cloud.gateway.config.GatewayAutoConfiguration")
@ConditionalOnClass({ HttpClientCustomizer.class, HttpClient.class })
@ConditionalOnBean(TlsSessionClientRouting.class)
@ConditionalOnBooleanProperty(name = "tls.session.gateway.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TlsSessionGatewayProperties.class)
public final class TlsSessionGatewayAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TlsSessionGatewayHttpClientCustomizer tlsSessionGatewayHttpClientCustomizer(TlsSessionClientRouting routing,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<HttpClientProperties> properties) {
		return new TlsSessionGatewayHttpClientCustomizer(routing, sslBundles.getIfAvailable(),
				() -> properties.getIfAvailable(HttpClientProperties::new));
	}

}
