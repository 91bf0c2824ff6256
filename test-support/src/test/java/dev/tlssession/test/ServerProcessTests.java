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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The servers the tests start are found or fail loudly, and never outlive their test.
 */
class ServerProcessTests {

	@TempDir
	Path directory;

	@Test
	void missingExecutableFailsOnCiAndSkipsElsewhereNamingThePackageToInstall() {
		Class<? extends Throwable> expected = "true".equalsIgnoreCase(System.getenv("CI")) ? IllegalStateException.class
				: TestAbortedException.class;
		assertThatExceptionOfType(expected)
			.isThrownBy(() -> ServerProcess.executable("some-package", "/nonexistent/tls-server", "no-such-server"))
			.withMessageContaining("not installed")
			.withMessageContaining("'some-package'");
	}

	@Test
	void closeKillsTheServerAndWhatItStarted() {
		Path shell = ServerProcess.executable("bash", "/bin/sh", "sh");
		ServerProcess process = ServerProcess.start("sleeper", this.directory,
				(port) -> List.of(shell.toString(), "-c", "sleep 600 & echo started; wait"),
				(started) -> started.output().contains("started"));
		List<ProcessHandle> processes = ProcessHandle.current()
			.descendants()
			.filter((handle) -> handle.info().commandLine().orElse("").contains("sleep 600"))
			.toList();
		assertThat(processes).isNotEmpty();
		process.close();
		for (ProcessHandle handle : processes) {
			assertThat(handle.onExit()).succeedsWithin(Duration.ofSeconds(5));
		}
	}

	@Test
	void serverThatExitsAtOnceFailsToStartWithItsOutput() {
		Path shell = ServerProcess.executable("bash", "/bin/sh", "sh");
		assertThatIllegalStateException().isThrownBy(() -> ServerProcess.start("broken", this.directory,
				(port) -> List.of(shell.toString(), "-c", "echo cannot bind " + port + "; exit 1"),
				ServerProcess::accepts))
			.withMessageContaining("exited")
			.withMessageContaining("cannot bind");
	}

}
