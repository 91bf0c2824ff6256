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

package dev.tlssession.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tlssession.test.OpenSslServer;

/**
 * The native reference: {@code openssl s_time -new} and {@code -reuse} against
 * {@code openssl s_server -www} (the test kit's {@link OpenSslServer}) on 127.0.0.1, same
 * machine, same certificate, alternating. s_time reports connections per wall second and
 * per user CPU second of its own (client) process.
 */
final class STime {

	private static final Pattern USER = Pattern
		.compile("(\\d+) connections in ([\\d.]+)s; ([\\d.]+) connections/user sec");

	private STime() {
	}

	static boolean available() {
		try {
			Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
			return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static List<Sample> run(Pki pki, Plan plan, Path directory, Consumer<String> log)
			throws IOException, InterruptedException {
		List<Sample> samples = new ArrayList<>();
		for (Pki.Cert cert : Pki.Cert.values()) {
			for (Protocol protocol : List.of(Protocol.TLS12, Protocol.TLS13)) {
				String cell = "s_server/" + cert.name().toLowerCase() + "/" + protocol.jsse + "/1";
				try (OpenSslServer server = OpenSslServer.start(protocol.mode,
						directory.resolve(cert.name().toLowerCase() + "-" + protocol.jsse), pki.authority(cert))) {
					log.accept("s_time " + cell);
					for (int round = 1; round <= plan.sTimeRounds(); round++) {
						for (String mode : (round % 2 == 1) ? List.of("-new", "-reuse") : List.of("-reuse", "-new")) {
							samples.add(sTime(cell, mode, server.port(), plan.sTimeSeconds(), round));
						}
					}
				}
			}
		}
		return samples;
	}

	private static Sample sTime(String cell, String mode, int port, int seconds, int round)
			throws IOException, InterruptedException {
		long start = System.nanoTime();
		Process process = new ProcessBuilder("timeout", Integer.toString(seconds + 20), "openssl", "s_time", "-connect",
				"127.0.0.1:" + port, mode, "-time", Integer.toString(seconds), "-www", "/")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor(seconds + 30L, TimeUnit.SECONDS);
		// s_time's own "real seconds" are whole seconds: the wall time of the process is
		// the better divisor
		double wallSeconds = (System.nanoTime() - start) / 1e9;
		// s_time prints the counts for the timed loop only; with -reuse it makes one full
		// connection first
		Matcher user = USER.matcher(output);
		long connections = 0;
		double userRate = Double.NaN;
		if (user.find()) {
			connections = Long.parseLong(user.group(1));
			userRate = Double.parseDouble(user.group(3));
		}
		long clientCpuNanos = (Double.isNaN(userRate) || userRate == 0) ? 0 : (long) (connections / userRate * 1e9);
		return new Sample("s_time", cell, "s_time " + mode, round, connections, 0, wallSeconds, Double.NaN, Double.NaN,
				clientCpuNanos, 0, 0, 0, 0, Double.NaN, Double.NaN, new long[0]);
	}

}
