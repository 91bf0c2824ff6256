package dev.tlssession.autoconfigure.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the TLS session caches serve Spring Cloud Gateway.
 *
 * @param enabled Whether Spring Cloud Gateway's proxy HTTP client uses the TLS session caches. When false, it keeps
 * the TLS configuration the gateway builds from spring.cloud.gateway.server.webflux.httpclient.ssl.
 */
@ConfigurationProperties("tls.session.gateway")
public record TlsSessionGatewayProperties(@DefaultValue("true") boolean enabled) {

}
