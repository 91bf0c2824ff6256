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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;

import dev.tlssession.test.UpstreamListener;
import io.netty.internal.tcnative.SSL;
import io.netty.util.Version;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.SpringBootVersion;

/**
 * Writes down what the test servers saw, so that the compatibility job
 * ({@code .ci/compat}) can report resumed and full handshakes per Spring Boot, Netty and
 * Java version. Each server adds one line when it closes (the test kit tells its
 * {@link UpstreamListener}s, this class among them through {@code META-INF/services}):
 * the test, the provider it names (or {@code auto}), and the server's own resumed and
 * full counts.
 * <p>
 * It does nothing unless the system property {@value #PROPERTY} names the file to append
 * to; the job also turns on JUnit's extension auto-detection, which registers this class
 * to know the running test.
 */
public final class ServerCounts implements BeforeEachCallback, AfterEachCallback, UpstreamListener {

	/** The system property naming the file. */
	public static final String PROPERTY = "tls.session.test.server-counts";

	private static volatile String currentTest = "unknown";

	private static boolean runtimeWritten;

	@Override
	public void beforeEach(ExtensionContext context) {
		writeRuntimeOnce();
		currentTest = context.getRequiredTestClass().getSimpleName() + "#" + context.getRequiredTestMethod().getName()
				+ " " + context.getDisplayName();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		currentTest = "unknown";
	}

	@Override
	public void closed(String upstream, long resumed, long full) {
		record(resumed, full);
	}

	/**
	 * Records a server's counts.
	 * @param resumed resumed handshakes the server saw
	 * @param full full handshakes the server saw
	 */
	static synchronized void record(long resumed, long full) {
		String file = System.getProperty(PROPERTY);
		if (file == null || file.isBlank() || resumed + full == 0) {
			return;
		}
		String test = currentTest;
		String lower = test.toLowerCase(Locale.ROOT);
		String provider = lower.contains("jdk") ? "jdk" : lower.contains("openssl") ? "openssl" : "auto";
		append(file,
				String.join("\t", provider, String.valueOf(resumed), String.valueOf(full), test.replace('\t', ' ')));
	}

	/**
	 * The versions this test JVM really runs, so that the job's report does not rely on
	 * what it asked for.
	 */
	private static synchronized void writeRuntimeOnce() {
		String file = System.getProperty(PROPERTY);
		if (file == null || file.isBlank() || runtimeWritten) {
			return;
		}
		runtimeWritten = true;
		Map<String, Version> netty = Version.identify();
		append(file,
				"# runtime\tjava=" + System.getProperty("java.version") + "\tspring-boot="
						+ SpringBootVersion.getVersion() + "\tnetty=" + artifactVersion(netty, "netty-common")
						+ "\ttcnative=" + SSL.class.getPackage().getImplementationVersion() + "\treactor-netty="
						+ HttpClient.class.getPackage().getImplementationVersion());
	}

	private static String artifactVersion(Map<String, Version> versions, String artifact) {
		Version version = versions.get(artifact);
		return (version != null) ? version.artifactVersion() : "unknown";
	}

	private static void append(String file, String line) {
		try {
			Files.writeString(Path.of(file), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
