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

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A server process that a test starts from a temporary directory, on a free port of
 * 127.0.0.1: so that tests can run servers nobody on the team wrote, it is bounded in
 * time and never left behind. It is killed on {@link #close()}, at JVM exit, and by
 * {@code timeout(1)} once {@link #LIFETIME} is over even if the JVM dies.
 */
final class ServerProcess implements AutoCloseable {

	/**
	 * The longest a server may live: far more than a test needs, and the bound if the JVM
	 * is killed.
	 */
	static final Duration LIFETIME = Duration.ofMinutes(3);

	private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private static final int START_ATTEMPTS = 3;

	private static final Set<ServerProcess> RUNNING = ConcurrentHashMap.newKeySet();

	private static final boolean JUNIT_PRESENT = isPresent("org.junit.jupiter.api.Assumptions");

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(ServerProcess::close), "server-reaper"));
	}

	private final String name;

	private final Process process;

	private final Path log;

	private final long logStart;

	private final int port;

	private ServerProcess(String name, Process process, Path log, long logStart, int port) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.logStart = logStart;
		this.port = port;
	}

	/**
	 * Finds an executable. A missing one fails the test on CI ({@code CI=true}), so CI
	 * never skips silently; elsewhere it skips the test with the package to install
	 * (outside JUnit, it fails).
	 * @param debianPackage the package that provides it, for the message
	 * @param candidates absolute paths or names to look up on the {@code PATH}, in order
	 * @return the executable
	 * @throws IllegalStateException if none is found
	 */
	static Path executable(String debianPackage, String... candidates) {
		Path found = find(candidates);
		if (found == null) {
			String message = String.join(" or ", candidates) + " is not installed (looked at " + candidates(candidates)
					+ "). These tests need it: install the Debian package '" + debianPackage + "'.";
			if (JUNIT_PRESENT && !"true".equalsIgnoreCase(System.getenv("CI"))) {
				Assumptions.abort(message);
			}
			throw new IllegalStateException(message);
		}
		return found;
	}

	/**
	 * Finds an executable.
	 * @param candidates absolute paths or names to look up on the {@code PATH}, in order
	 * @return the executable, or {@code null} if none is found
	 */
	static @Nullable Path find(String... candidates) {
		return candidates(candidates).stream().filter(Files::isExecutable).findFirst().orElse(null);
	}

	private static List<Path> candidates(String... candidates) {
		List<Path> paths = new ArrayList<>();
		for (String candidate : candidates) {
			if (candidate.startsWith("/")) {
				paths.add(Path.of(candidate));
			}
			else {
				for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
					if (!directory.isEmpty()) {
						paths.add(Path.of(directory, candidate));
					}
				}
			}
		}
		return paths;
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, ServerProcess.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Starts a server on a free port, trying another port if it exits before it is ready
	 * (another process may have taken the port in between).
	 * @param name the server's name, for messages and the log file name
	 * @param directory the working directory; the process's output goes to
	 * {@code <name>.log} in it
	 * @param command the command line for a port (it may write configuration files first)
	 * @param ready whether the server accepts connections, given its output so far
	 * @return the running server
	 */
	static ServerProcess start(String name, Path directory, IntFunction<List<String>> command,
			Predicate<ServerProcess> ready) {
		IllegalStateException failure = null;
		for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
			try {
				return start(name, directory, freePort(), command, ready);
			}
			catch (IllegalStateException ex) {
				failure = ex;
			}
		}
		throw failure;
	}

	/**
	 * Starts a server on a given port, for example to restart one where its clients
	 * expect it.
	 * @param name the server's name
	 * @param directory the working directory
	 * @param port the port
	 * @param command the command line for the port
	 * @param ready whether the server accepts connections
	 * @return the running server
	 * @throws IllegalStateException if it exits or is not ready within 15 seconds
	 */
	static ServerProcess start(String name, Path directory, int port, IntFunction<List<String>> command,
			Predicate<ServerProcess> ready) {
		Path log = directory.resolve(name + ".log");
		List<String> commandLine = new ArrayList<>();
		Path timeout = Path.of("/usr/bin/timeout");
		if (Files.isExecutable(timeout)) {
			commandLine.addAll(List.of(timeout.toString(), "--kill-after=5", LIFETIME.toSeconds() + "s"));
		}
		commandLine.addAll(command.apply(port));
		Process process;
		long logStart;
		try {
			logStart = Files.exists(log) ? Files.size(log) : 0;
			process = new ProcessBuilder(commandLine).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + commandLine, ex);
		}
		ServerProcess server = new ServerProcess(name, process, log, logStart, port);
		RUNNING.add(server);
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (!process.isAlive() || !ready.test(server)) {
			boolean exited = !process.isAlive();
			if (exited || System.nanoTime() - deadline > 0) {
				String output = server.output();
				server.close();
				throw new IllegalStateException(name + " did not start on 127.0.0.1:" + port + " ("
						+ (exited ? "exited" : "not ready after " + START_TIMEOUT) + "): " + commandLine + "\n"
						+ output);
			}
			pause(Duration.ofMillis(20));
		}
		return server;
	}

	int port() {
		return this.port;
	}

	/**
	 * What this process has written to its standard output and error so far (the log file
	 * also holds the output of earlier processes of the same name).
	 * @return the output
	 */
	String output() {
		try {
			if (!Files.exists(this.log)) {
				return "";
			}
			byte[] all = Files.readAllBytes(this.log);
			int start = (int) Math.min(this.logStart, all.length);
			return new String(all, start, all.length - start, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether something accepts TCP connections on the port.
	 * @return {@code true} if a connection succeeded
	 */
	boolean accepts() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Kills the process and everything it started, and waits until they are gone.
	 */
	@Override
	public void close() {
		List<ProcessHandle> descendants = this.process.descendants().toList();
		this.process.destroy();
		descendants.forEach(ProcessHandle::destroy);
		try {
			if (!this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			for (ProcessHandle descendant : descendants) {
				if (descendant.isAlive()) {
					descendant.destroyForcibly();
					descendant.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				}
			}
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("Could not stop " + this.name + " (pid " + this.process.pid() + ")", ex);
		}
		finally {
			RUNNING.remove(this);
		}
	}

	/**
	 * The process id.
	 * @return the pid
	 */
	long pid() {
		return this.process.pid();
	}

	@Override
	public String toString() {
		return this.name + "[pid " + this.process.pid() + ", 127.0.0.1:" + this.port + "]";
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
