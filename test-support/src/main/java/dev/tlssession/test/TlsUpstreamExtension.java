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

package dev.tlssession.test;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A JUnit Jupiter extension that runs a {@link TlsUpstream} for a test class (registered
 * on a {@code static} field) or for each test (on an instance field), and gives a Spring
 * Boot test an SSL bundle that trusts it in one line.
 * <p>
 * Does my service's client really resume against its upstream? In a
 * {@code @SpringBootTest} where the client's base URL is a property: <pre class="code">
 * &#064;SpringBootTest(properties = { "tls.session.caches.payments.hosts=localhost",
 *         "tls.session.caches.payments.ssl-bundle=payments" })
 * class PaymentsClientResumptionTests {
 *
 *     &#064;RegisterExtension
 *     static final TlsUpstreamExtension upstream = TlsUpstreamExtension.of(ResumptionMode.TLS13);
 *
 *     &#064;DynamicPropertySource
 *     static void upstreamProperties(DynamicPropertyRegistry registry) {
 *         upstream.registerSslBundle(registry, "payments");
 *         registry.add("payments.base-url", upstream::url);
 *     }
 *
 *     &#064;Autowired
 *     PaymentsClient client;
 *
 *     &#064;Autowired
 *     MeterRegistry meterRegistry;
 *
 *     &#064;Test
 *     void resumes() {
 *         for (int i = 0; i &lt; 20; i++) {
 *             this.client.charge();
 *         }
 *         assertThat(upstream).lastConnections(20).haveResumedAtLeast(19);
 *         assertThat(upstream).agreesWithHandshakeMeters(this.meterRegistry, "payments");
 *     }
 *
 * }
 * </pre> ({@code assertThat} from {@link TlsUpstreamAssertions}). The upstream closes
 * every connection after its response, so each call makes a handshake. It starts before
 * the first test, or when it is first asked for its URL or port, and stops after the
 * last. Its counts are not reset between tests: compare the last connections, or call
 * {@link TlsUpstream#resetCounts()}.
 *
 * @since 0.1.0
 */
public final class TlsUpstreamExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	private final TlsUpstream.Builder builder;

	private @Nullable TlsUpstream upstream;

	private @Nullable String owner;

	private TlsUpstreamExtension(TlsUpstream.Builder builder) {
		this.builder = builder;
	}

	/**
	 * An extension that runs an upstream with the defaults of
	 * {@link TlsUpstream#start(ResumptionMode)}.
	 * @param mode how clients resume
	 * @return the extension
	 */
	public static TlsUpstreamExtension of(ResumptionMode mode) {
		return of(TlsUpstream.builder(mode));
	}

	/**
	 * An extension that runs an upstream as a builder describes it.
	 * @param builder the upstream's builder, started by the extension
	 * @return the extension
	 */
	public static TlsUpstreamExtension of(TlsUpstream.Builder builder) {
		return new TlsUpstreamExtension(builder);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		start(context);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		stop(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop(context);
	}

	private synchronized void start(ExtensionContext context) {
		upstream();
		if (this.owner == null) {
			this.owner = context.getUniqueId();
		}
	}

	private synchronized void stop(ExtensionContext context) {
		if (this.upstream != null && context.getUniqueId().equals(this.owner)) {
			try {
				this.upstream.close();
			}
			finally {
				this.upstream = null;
				this.owner = null;
			}
		}
	}

	/**
	 * The running upstream, started now if it is not yet.
	 * @return the upstream
	 */
	public synchronized TlsUpstream upstream() {
		if (this.upstream == null) {
			this.upstream = this.builder.start();
		}
		return this.upstream;
	}

	/**
	 * The upstream's port.
	 * @return the port
	 * @see TlsUpstream#port()
	 */
	public int port() {
		return upstream().port();
	}

	/**
	 * The upstream's URL with the host name {@code localhost}.
	 * @return {@code https://localhost:<port>/}
	 * @see TlsUpstream#url()
	 */
	public String url() {
		return upstream().url();
	}

	/**
	 * The upstream's URL with another host name that its certificate names.
	 * @param host the host name
	 * @return {@code https://<host>:<port>/}
	 * @see TlsUpstream#url(String)
	 */
	public String url(String host) {
		return upstream().url(host);
	}

	/**
	 * The authority whose certificate the upstream presents.
	 * @return the authority
	 * @throws IllegalStateException if the upstream was built with a certificate of its
	 * own
	 */
	public TestCertificateAuthority certificateAuthority() {
		TestCertificateAuthority authority = upstream().certificateAuthority();
		if (authority == null) {
			throw new IllegalStateException("The upstream was built with a certificate of its own, not an authority's");
		}
		return authority;
	}

	/**
	 * Adds a PEM SSL bundle that trusts the upstream's authority to a Spring test's
	 * environment, from a {@code @DynamicPropertySource} method:
	 * {@code spring.ssl.bundle.pem.<bundle>.truststore.certificate}.
	 * @param registry the registry
	 * @param bundle the bundle's name
	 */
	public void registerSslBundle(DynamicPropertyRegistry registry, String bundle) {
		certificateAuthority().sslBundleProperties(bundle).forEach((name, value) -> registry.add(name, () -> value));
	}

	@Override
	public String toString() {
		TlsUpstream running = this.upstream;
		return "TlsUpstreamExtension[" + ((running != null) ? running : "not started") + "]";
	}

}
