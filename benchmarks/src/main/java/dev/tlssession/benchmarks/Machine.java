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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netty.handler.ssl.OpenSsl;
import io.netty.util.Version;

import org.springframework.boot.SpringBootVersion;

/**
 * What the run ran on, for the report.
 */
final class Machine {

	private final Map<String, String> facts = new LinkedHashMap<>();

	private final String date = ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);

	private final String loadAtStart = loadAverage();

	Machine() {
		this.facts.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
		this.facts.put("CPU", cpuModel());
		this.facts.put("memory", memory());
		this.facts.put("OS", osName());
		this.facts.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		Map<String, Version> versions = Version.identify();
		this.facts.put("Netty", version(versions, "netty-common"));
		this.facts.put("netty-tcnative", io.netty.internal.tcnative.SSL.class.getPackage().getImplementationVersion()
				+ " (" + (OpenSsl.isAvailable() ? OpenSsl.versionString() : "unavailable") + ")");
		this.facts.put("Reactor Netty",
				String.valueOf(reactor.netty.http.client.HttpClient.class.getPackage().getImplementationVersion()));
		this.facts.put("Spring Boot", SpringBootVersion.getVersion());
		this.facts.put("nginx", command("nginx", "-v"));
		this.facts.put("OpenSSL CLI", command("openssl", "version"));
	}

	private static String version(Map<String, Version> versions, String artifact) {
		Version version = versions.get(artifact);
		return (version != null) ? version.artifactVersion() : "unknown";
	}

	void finish() {
		this.facts.put("load average (1, 5, 15 min) at start / at end", this.loadAtStart + " / " + loadAverage());
	}

	Map<String, String> facts() {
		return this.facts;
	}

	String date() {
		return this.date;
	}

	private static String cpuModel() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
				if (line.startsWith("model name")) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return System.getProperty("os.arch");
	}

	private static String memory() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal")) {
					long kib = Long.parseLong(line.replaceAll("\\D+", ""));
					return (kib / 1024 / 1024) + " GiB";
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return "unknown";
	}

	private static String osName() {
		try {
			for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
				if (line.startsWith("PRETTY_NAME=")) {
					return line.substring(12).replace("\"", "") + ", kernel " + System.getProperty("os.version");
				}
			}
		}
		catch (IOException ex) {
			// fall through
		}
		return System.getProperty("os.name") + " " + System.getProperty("os.version");
	}

	static String loadAverage() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return f[0] + ", " + f[1] + ", " + f[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String command(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			process.waitFor(5, TimeUnit.SECONDS);
			return out.isEmpty() ? "not installed" : out.lines().findFirst().orElse("");
		}
		catch (IOException ex) {
			return "not installed";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

}
