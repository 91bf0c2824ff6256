/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.tlssession.autoconfigure.gateway;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

import dev.tlssession.autoconfigure.TlsSessionClientRouting;
import dev.tlssession.routing.RoutingSslContext;
import io.netty.handler.ssl.SslHandler;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.util.StringUtils;

/**
 * Maps the gateway's own TLS settings
 * ({@code spring.cloud.gateway.server.webflux.httpclient.ssl.*}) onto the caches, or
 * decides that the gateway keeps its own context and says why. The trust the gateway was
 * told to use is never silently replaced: only settings that a cache can hold exactly (no
 * setting, or an SSL bundle that caches use) move to the caches.
 */
final class GatewayTlsRule {

	static final String PREFIX = "spring.cloud.gateway.server.webflux.httpclient.ssl.";

	/**
	 * The gateway's own default handshake timeout: a different value was set by the user.
	 */
	private static final Duration GATEWAY_DEFAULT_HANDSHAKE_TIMEOUT = new HttpClientProperties.Ssl()
		.getHandshakeTimeout();

	private final TlsSessionClientRouting routing;

	private final @Nullable SslBundles sslBundles;

	GatewayTlsRule(TlsSessionClientRouting routing, @Nullable SslBundles sslBundles) {
		this.routing = routing;
		this.sslBundles = sslBundles;
	}

	/**
	 * Decides for the gateway's client as its factory left it after applying its SSL
	 * settings.
	 * @param ssl the gateway's SSL settings
	 * @param client the client
	 * @return the decision
	 */
	Decision decide(HttpClientProperties.Ssl ssl, HttpClient client) {
		if (Arrays.asList(client.configuration().protocols()).contains(HttpProtocol.H2)) {
			return Decision.keep("server.http2.enabled=true makes the gateway offer HTTP/2 to upstreams through ALPN, "
					+ "which the caches' TLS contexts do not negotiate; their sessions would cost the gateway HTTP/2");
		}
		if (!ssl.getTrustedX509Certificates().isEmpty()) {
			return Decision.keep(PREFIX + "trusted-x509-certificates makes the gateway trust only these certificates, "
					+ "and no cache has that trust. Put them in a PEM SSL bundle "
					+ "(spring.ssl.bundle.pem.<bundle>.truststore.certificate) and name that bundle in " + PREFIX
					+ "ssl-bundle and in tls.session.caches.<name>.ssl-bundle");
		}
		if (ssl.isUseInsecureTrustManager()) {
			return Decision.keep(PREFIX + "use-insecure-trust-manager=true makes the gateway accept any server "
					+ "certificate, and every cache verifies servers: sessions of unverified upstreams are never pooled "
					+ "with verified ones");
		}
		String bundle = ssl.getSslBundle();
		boolean registered = StringUtils.hasLength(bundle) && this.sslBundles != null
				&& this.sslBundles.getBundleNames().contains(bundle);
		if (registered) {
			RoutingSslContext context = this.routing.contextForBundle(bundle);
			if (context == null) {
				return Decision.keep("no TLS session cache uses the SSL bundle '" + bundle + "' of " + PREFIX
						+ "ssl-bundle. Set tls.session.caches.<name>.ssl-bundle=" + bundle
						+ " on the caches that should serve the gateway");
			}
			return Decision.use(context, null);
		}
		if (StringUtils.hasLength(ssl.getKeyStore())) {
			return Decision.keep(PREFIX + "key-store gives the gateway a client certificate that no cache presents. "
					+ "Put the key store in an SSL bundle (spring.ssl.bundle.jks.<bundle>.keystore.*) and name that bundle "
					+ "in " + PREFIX + "ssl-bundle and in tls.session.caches.<name>.ssl-bundle");
		}
		if (client.configuration().sslProvider() != null) {
			// none of the gateway's settings secured it: its factory or another step did,
			// and that configuration wins
			return Decision.keep(null);
		}
		String notice = StringUtils.hasLength(bundle) ? PREFIX + "ssl-bundle names '" + bundle
				+ "', which is not a registered SSL bundle: the gateway ignores it and verifies upstreams with the "
				+ "JVM's default trust, so its connections are routed like those of a client without a bundle" : null;
		return Decision.use(this.routing.contextFor(null), notice);
	}

	/**
	 * Carries the gateway's connection settings over to the caches' connections: its
	 * close-notify timeouts always (they touch neither trust nor sessions), its handshake
	 * timeout when it differs from the gateway's default (else each cache's
	 * {@code handshake-timeout} applies).
	 * @param ssl the gateway's SSL settings
	 * @return the handler customizer
	 */
	static Consumer<SslHandler> connectionSettings(HttpClientProperties.Ssl ssl) {
		long flush = ssl.getCloseNotifyFlushTimeout().toMillis();
		long read = ssl.getCloseNotifyReadTimeout().toMillis();
		Duration handshake = ssl.getHandshakeTimeout();
		long handshakeMillis = handshake.equals(GATEWAY_DEFAULT_HANDSHAKE_TIMEOUT) ? -1 : handshake.toMillis();
		return (handler) -> {
			handler.setCloseNotifyFlushTimeoutMillis(flush);
			handler.setCloseNotifyReadTimeoutMillis(read);
			if (handshakeMillis >= 0) {
				handler.setHandshakeTimeoutMillis(handshakeMillis);
			}
		};
	}

	/**
	 * What the gateway's client gets.
	 *
	 * @param context the caches' context, or {@code null} when the gateway keeps its own
	 * @param reason why: a warning when the gateway keeps its own context, a notice
	 * otherwise; {@code null} when nothing needs saying
	 */
	record Decision(@Nullable RoutingSslContext context, @Nullable String reason) {

		static Decision use(RoutingSslContext context, @Nullable String notice) {
			return new Decision(context, notice);
		}

		static Decision keep(@Nullable String reason) {
			return new Decision(null, reason);
		}

	}

}
