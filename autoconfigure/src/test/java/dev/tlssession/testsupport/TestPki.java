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

package dev.tlssession.testsupport;

import dev.tlssession.TlsMaterial;
import dev.tlssession.test.TestCertificateAuthority;

/**
 * The certificate authorities of these tests: their server certificates name every
 * loopback host name of {@code src/test/resources/hosts}.
 */
public final class TestPki {

	/** The host names that resolve to 127.0.0.1 in tests. */
	public static final String[] HOSTS = { "localhost", "api.test", "payments.test", "catalog.test", "other.test",
			"a.catalog.test", "b.catalog.test" };

	private static final TestCertificateAuthority DEFAULT = create("Test Root CA");

	private TestPki() {
	}

	/**
	 * The shared default authority.
	 * @return the authority
	 */
	public static TestCertificateAuthority get() {
		return DEFAULT;
	}

	/**
	 * Makes another authority, whose server certificate names the test host names.
	 * @param name the authority's common name
	 * @return the authority
	 */
	public static TestCertificateAuthority create(String name) {
		return TestCertificateAuthority.create(name, HOSTS);
	}

	/**
	 * A cache's TLS configuration that trusts the default authority, with the provider's
	 * protocols and ciphers.
	 * @return the material
	 */
	public static TlsMaterial trust() {
		return trust(DEFAULT);
	}

	/**
	 * A cache's TLS configuration that trusts an authority, with the provider's protocols
	 * and ciphers.
	 * @param authority the authority
	 * @return the material
	 */
	public static TlsMaterial trust(TestCertificateAuthority authority) {
		return new TlsMaterial(null, authority.trustManagerFactory(), null, null);
	}

}
