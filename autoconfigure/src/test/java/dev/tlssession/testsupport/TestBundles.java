package dev.tlssession.testsupport;

import java.nio.file.Path;

/**
 * Spring Boot SSL bundle properties for the test authorities.
 */
public final class TestBundles {

	private TestBundles() {
	}

	/**
	 * Properties of a PEM bundle that trusts an authority.
	 * @param name the bundle name
	 * @param pki the authority
	 * @param directory where to write the PEM file
	 * @return the properties
	 */
	public static String[] trusting(String name, TestPki pki, Path directory) {
		Path root = pki.writeRootPem(directory.resolve(name));
		return new String[] { "spring.ssl.bundle.pem." + name + ".truststore.certificate=file:" + root };
	}

}
