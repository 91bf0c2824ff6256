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
