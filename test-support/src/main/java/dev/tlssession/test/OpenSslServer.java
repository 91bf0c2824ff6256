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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code openssl s_server -www} (OpenSSL 3) on {@code 127.0.0.1}: OpenSSL's own reference
 * server. Its status page reports {@code New, TLSv1.3, Cipher is ...} or
 * {@code Reused, ...} for the connection that fetched it, so each response body is the
 * server's view of its handshake. It needs the {@code openssl} executable.
 * <ul>
 * <li>{@link ResumptionMode#TLS13}: {@code -tls1_3}, stateless tickets (OpenSSL's
 * default; 2 per full handshake, 1 per resumption).</li>
 * <li>{@link ResumptionMode#TLS12_SESSION_IDS}: {@code -tls1_2 -no_ticket}: the internal
 * session cache only.</li>
 * <li>{@link ResumptionMode#TLS12_TICKETS}: {@code -tls1_2 -no_cache}: tickets only, no
 * session cache.</li>
 * </ul>
 * s_server serves one connection at a time and makes new ticket keys whenever it starts.
 *
 * @since 0.1.0
 */
public final class OpenSslServer implements IndependentServer {

	private static final String[] EXECUTABLES = { "/usr/bin/openssl", "openssl" };

	private static final Pattern STATUS = Pattern.compile("^(New|Reused), (TLSv[0-9.]+), Cipher is ",
			Pattern.MULTILINE);

	private final ResumptionMode mode;

	private final Path directory;

	private final Path openssl;

	private final int tickets;

	private ServerProcess process;

	/** The handshakes last read, for the {@link UpstreamListener}s. */
	private List<UpstreamHandshake> seen = List.of();

	private OpenSslServer(ResumptionMode mode, Path directory, TestCertificateAuthority authority, int tickets) {
		this.mode = mode;
		this.directory = directory.toAbsolutePath();
		this.tickets = tickets;
		this.openssl = ServerProcess.executable("openssl", EXECUTABLES);
		authority.writeServerPem(this.directory);
		this.process = ServerProcess.start("s_server", this.directory, this::command, OpenSslServer::ready);
	}

	/**
	 * Starts s_server with the server certificate of the
	 * {@link TestCertificateAuthority#shared() shared} authority.
	 * @param mode how clients resume
	 * @param directory an empty directory for its certificate and output
	 * @return the running server
	 */
	public static OpenSslServer start(ResumptionMode mode, Path directory) {
		return start(mode, directory, TestCertificateAuthority.shared());
	}

	/**
	 * Starts s_server.
	 * @param mode how clients resume
	 * @param directory an empty directory for its certificate and output
	 * @param authority the authority whose server certificate it presents
	 * @return the running server
	 */
	public static OpenSslServer start(ResumptionMode mode, Path directory, TestCertificateAuthority authority) {
		return new OpenSslServer(mode, directory, authority, -1);
	}

	/**
	 * Starts a TLS 1.3 s_server that sends a number of tickets after each full handshake
	 * ({@code -num_tickets}).
	 * @param tickets tickets per full handshake; OpenSSL sends one after a resumed
	 * handshake whatever this is
	 * @param directory an empty directory for its certificate and output
	 * @param authority the authority whose server certificate it presents
	 * @return the running server
	 */
	public static OpenSslServer startTls13(int tickets, Path directory, TestCertificateAuthority authority) {
		return new OpenSslServer(ResumptionMode.TLS13, directory, authority, tickets);
	}

	/**
	 * Whether {@code openssl} is installed here.
	 * @return {@code true} if its executable is found
	 */
	public static boolean isInstalled() {
		return ServerProcess.find(EXECUTABLES) != null;
	}

	private List<String> command(int port) {
		List<String> command = new ArrayList<>(List.of(this.openssl.toString(), "s_server", "-accept",
				"127.0.0.1:" + port, "-cert", "server.pem", "-key", "server.key", "-www"));
		command.addAll(switch (this.mode) {
			case TLS13 -> List.of("-tls1_3");
			case TLS12_SESSION_IDS -> List.of("-tls1_2", "-no_ticket");
			case TLS12_TICKETS -> List.of("-tls1_2", "-no_cache");
		});
		if (this.tickets >= 0) {
			command.addAll(List.of("-num_tickets", Integer.toString(this.tickets)));
		}
		return command;
	}

	/**
	 * s_server prints {@code ACCEPT} once it listens.
	 */
	private static boolean ready(ServerProcess process) {
		return process.output().lines().anyMatch("ACCEPT"::equals);
	}

	@Override
	public ResumptionMode mode() {
		return this.mode;
	}

	@Override
	public int port() {
		return this.process.port();
	}

	/**
	 * The process id of s_server, for example to measure its CPU time.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * The handshakes the status pages report.
	 * @param bodies the status pages
	 * @return the handshakes
	 */
	@Override
	public List<UpstreamHandshake> handshakes(List<String> bodies) {
		this.seen = bodies.stream().map(OpenSslServer::handshake).toList();
		return this.seen;
	}

	/**
	 * The handshake a status page reports.
	 * @param body the status page
	 * @return the handshake
	 * @throws IllegalArgumentException if the body is not an s_server status page
	 */
	public static UpstreamHandshake handshake(String body) {
		Matcher matcher = STATUS.matcher(body);
		if (!matcher.find()) {
			throw new IllegalArgumentException("Not an s_server status page: " + body);
		}
		return new UpstreamHandshake("Reused".equals(matcher.group(1)), matcher.group(2));
	}

	/**
	 * Restarts s_server on the same port: new ticket keys and an empty session cache, so
	 * nothing issued before resumes.
	 */
	@Override
	public void forgetSessions() {
		int port = port();
		this.process.close();
		this.process = ServerProcess.start("s_server", this.directory, port, this::command, OpenSslServer::ready);
	}

	@Override
	public void close() {
		try {
			this.process.close();
		}
		finally {
			long resumed = this.seen.stream().filter(UpstreamHandshake::resumed).count();
			UpstreamListeners.closed(toString(), resumed, this.seen.size() - resumed);
		}
	}

	@Override
	public String toString() {
		return "s_server " + this.mode + ((this.tickets >= 0) ? " -num_tickets " + this.tickets : "");
	}

}
