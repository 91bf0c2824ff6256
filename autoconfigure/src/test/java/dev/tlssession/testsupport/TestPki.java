package dev.tlssession.testsupport;

import dev.tlssession.TlsMaterial;
import dev.tlssession.test.TestCertificateAuthority;

/**
 * The certificate authorities of these tests: their server certificates name every loopback host name of
 * {@code src/test/resources/hosts}.
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
	 * A cache's TLS configuration that trusts the default authority, with the provider's protocols and ciphers.
	 * @return the material
	 */
	public static TlsMaterial trust() {
		return trust(DEFAULT);
	}

	/**
	 * A cache's TLS configuration that trusts an authority, with the provider's protocols and ciphers.
	 * @param authority the authority
	 * @return the material
	 */
	public static TlsMaterial trust(TestCertificateAuthority authority) {
		return new TlsMaterial(null, authority.trustManagerFactory(), null, null);
	}

}
