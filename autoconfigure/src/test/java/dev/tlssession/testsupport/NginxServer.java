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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.tlssession.testsupport.TlsTestServer.Mode;

/**
 * nginx (OpenSSL) on 127.0.0.1, one process and one worker, closing every connection
 * after its response: the most common TLS terminator in front of HTTPS APIs. The server's
 * view of each handshake comes from its access log ({@code $ssl_session_reused},
 * {@code $ssl_protocol}).
 */
public final class NginxServer implements IndependentServer {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Duration LOG_TIMEOUT = Duration.ofSeconds(5);

	private final Mode mode;

	private final Path directory;

	private final Path nginx;

	private ServerProcess process;

	/** The handshakes last read, for {@link ServerCounts}. */
	private List<Handshake> seen = List.of();

	private NginxServer(Mode mode, Path directory) {
		this.mode = mode;
		this.directory = directory;
		this.nginx = ServerProcess.executable("nginx-light", "/usr/sbin/nginx", "nginx");
		TestPki.get().writeServerPem(directory);
		if (mode != Mode.TLS12_SESSION_IDS) {
			writeTicketKey();
		}
		this.process = ServerProcess.start("nginx", directory, this::command, ServerProcess::accepts);
	}

	/**
	 * Starts nginx with the default test certificate.
	 * <ul>
	 * <li>{@link Mode#TLS13}: TLS 1.3 only, tickets from an explicit key, no session
	 * cache.</li>
	 * <li>{@link Mode#TLS12_SESSION_IDS}: TLS 1.2 only, a shared session cache, no
	 * tickets.</li>
	 * <li>{@link Mode#TLS12_TICKETS}: TLS 1.2 only, tickets from an explicit key, no
	 * session cache.</li>
	 * </ul>
	 * @param mode how clients resume
	 * @param directory an empty temporary directory for its configuration, certificate
	 * and logs
	 * @return the server
	 */
	public static NginxServer start(Mode mode, Path directory) {
		return new NginxServer(mode, directory);
	}

	private List<String> command(int port) {
		write(this.directory.resolve("nginx.conf"), configuration(port));
		return List.of(this.nginx.toString(), "-p", this.directory.toString(), "-c",
				this.directory.resolve("nginx.conf").toString(), "-e", this.directory.resolve("error.log").toString());
	}

	private String configuration(int port) {
		String sessions = switch (this.mode) {
			case TLS13 -> """
					ssl_protocols TLSv1.3;
					ssl_session_cache off;
					ssl_session_tickets on;
					ssl_session_ticket_key ticket.key;""";
			case TLS12_SESSION_IDS -> """
					ssl_protocols TLSv1.2;
					ssl_session_cache shared:tls:1m;
					ssl_session_tickets off;""";
			case TLS12_TICKETS -> """
					ssl_protocols TLSv1.2;
					ssl_session_cache off;
					ssl_session_tickets on;
					ssl_session_ticket_key ticket.key;""";
		};
		return """
				daemon off;
				master_process off;
				worker_processes 1;
				pid nginx.pid;
				error_log error.log notice;
				events {
					worker_connections 64;
				}
				http {
					client_body_temp_path body;
					proxy_temp_path proxy;
					fastcgi_temp_path fastcgi;
					uwsgi_temp_path uwsgi;
					scgi_temp_path scgi;
					log_format handshakes '$ssl_session_reused $ssl_protocol $status';
					access_log access.log handshakes;
					keepalive_timeout 0;
					server {
						listen 127.0.0.1:%d ssl;
						ssl_certificate server.pem;
						ssl_certificate_key server.key;
				%s
						location / {
							default_type text/plain;
							return 200 "ok";
						}
					}
				}
				""".formatted(port, sessions.indent(8).stripTrailing());
	}

	@Override
	public Mode mode() {
		return this.mode;
	}

	@Override
	public int port() {
		return this.process.port();
	}

	/**
	 * The handshakes in the access log. Waits, for at most 5 seconds, until it has one
	 * line per response: nginx writes the line after it has sent the response.
	 * @param bodies the bodies of the responses so far
	 * @return the handshakes
	 */
	@Override
	public List<Handshake> handshakes(List<String> bodies) {
		long deadline = System.nanoTime() + LOG_TIMEOUT.toNanos();
		List<String> lines = accessLog();
		while (lines.size() < bodies.size() && System.nanoTime() - deadline < 0) {
			ServerProcess.pause(Duration.ofMillis(20));
			lines = accessLog();
		}
		List<Handshake> handshakes = new ArrayList<>();
		for (String line : lines) {
			String[] fields = line.split(" ");
			if (fields.length != 3 || !"200".equals(fields[2])) {
				throw new IllegalStateException("Unexpected access log line '" + line + "'");
			}
			handshakes.add(new Handshake("r".equals(fields[0]), fields[1]));
		}
		this.seen = handshakes;
		return handshakes;
	}

	private List<String> accessLog() {
		try {
			Path log = this.directory.resolve("access.log");
			return Files.exists(log) ? Files.readAllLines(log).stream().filter((line) -> !line.isBlank()).toList()
					: List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Restarts nginx with the same ticket key: the session cache is lost, tickets stay
	 * valid.
	 */
	public void restart() {
		int port = port();
		this.process.close();
		this.process = ServerProcess.start("nginx", this.directory, port, this::command, ServerProcess::accepts);
	}

	/**
	 * Restarts nginx with a new ticket key, the way operators rotate keys: every ticket
	 * issued so far is refused, and the session cache is empty.
	 */
	@Override
	public void forgetSessions() {
		writeTicketKey();
		restart();
	}

	private void writeTicketKey() {
		byte[] key = new byte[80];
		RANDOM.nextBytes(key);
		try {
			Files.write(this.directory.resolve("ticket.key"), key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String content) {
		try {
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		ServerCounts.record(this.seen);
		this.process.close();
	}

	@Override
	public String toString() {
		return "nginx " + this.mode;
	}

}
