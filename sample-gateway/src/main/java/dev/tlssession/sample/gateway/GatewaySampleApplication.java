package dev.tlssession.sample.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A Spring Cloud Gateway that proxies two local HTTPS upstreams; with the starter on the
 * class path its proxied connections resume TLS sessions through named caches, visible in
 * {@code /actuator/tlssessions}. No code of the gateway's refers to the starter: it is
 * all in {@code application.yml}.
 */
@SpringBootApplication
@EnableConfigurationProperties(LocalUpstreams.Ports.class)
public class GatewaySampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewaySampleApplication.class, args);
	}

}
