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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * nginx (OpenSSL) on {@code 127.0.0.1}: one process, one worker, closing every connection
 * after its response, and answering every request with {@code 200 ok}. It is the most
 * common TLS terminator in front of HTTPS APIs. The server's view of each handshake comes
 * from its access log ({@code $ssl_session_reused}, {@code $ssl_protocol}). It needs the
 * {@code nginx} executable (Debian package {@code nginx-light} or {@code nginx}).
 * <ul>
 * <li>{@link ResumptionMode#TLS13}: TLS 1.3 only, tickets from an explicit key, no
 * session cache.</li>
 * <li>{@link ResumptionMode#TLS12_SESSION_IDS}: TLS 1.2 only, a shared session cache, no
 * tickets.</li>
 * <li>{@link ResumptionMode#TLS12_TICKETS}: TLS 1.2 only, tickets from an explicit key,
 * no session cache.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class NginxServer implements IndependentServer {

	private static final String[] EXECUTABLES = { "/usr/sbin/nginx", "/usr/local/sbin/nginx",
			"/usr/local/nginx/sbin/nginx", "nginx" };

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Duration LOG_TIMEOUT = Duration.ofSeconds(5);

	private final ResumptionMode mode;

	private final Path directory;

	private final Path nginx;

	private ServerProcess process;

	/** The handshakes last read, for the {@link UpstreamListener}s. */
	private List<UpstreamHandshake> seen = List.of();

	private NginxServer(ResumptionMode mode, Path directory, TestCertificateAuthority authority) {
		this.mode = mode;
		this.directory = directory.toAbsolutePath();
		this.nginx = ServerProcess.executable("nginx-light", EXECUTABLES);
		authority.writeServerPem(this.directory);
		try {
			Files.deleteIfExists(this.directory.resolve("access.log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (mode != ResumptionMode.TLS12_SESSION_IDS) {
			writeTicketKey();
		}
		this.process = ServerProcess.start("nginx", this.directory, this::command, ServerProcess::accepts);
	}

	/**
	 * Starts nginx with the server certificate of the
	 * {@link TestCertificateAuthority#shared() shared} authority.
	 * @param mode how clients resume
	 * @param directory a directory for its configuration, certificate and logs (an access
	 * log of an earlier server there is deleted)
	 * @return the running server
	 */
	public static NginxServer start(ResumptionMode mode, Path directory) {
		return start(mode, directory, TestCertificateAuthority.shared());
	}

	/**
	 * Starts nginx.
	 * @param mode how clients resume
	 * @param directory a directory for its configuration, certificate and logs (an access
	 * log of an earlier server there is deleted)
	 * @param authority the authority whose server certificate it presents
	 * @return the running server
	 */
	public static NginxServer start(ResumptionMode mode, Path directory, TestCertificateAuthority authority) {
		return new NginxServer(mode, directory, authority);
	}

	/**
	 * Whether nginx is installed here.
	 * @return {@code true} if its executable is found
	 */
	public static boolean isInstalled() {
		return ServerProcess.find(EXECUTABLES) != null;
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
					log_format handshakes '$ssl_session_reused $ssl_protocol $status $request_uri';
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
	public ResumptionMode mode() {
		return this.mode;
	}

	@Override
	public int port() {
		return this.process.port();
	}

	/**
	 * The process id of nginx, for example to measure its CPU time.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * The handshakes in the access log. Waits, for at most 5 seconds, until it has one
	 * line per response: nginx writes the line after it has sent the response.
	 * @param bodies the bodies of the responses so far
	 * @return the handshakes
	 */
	@Override
	public List<UpstreamHandshake> handshakes(List<String> bodies) {
		long deadline = System.nanoTime() + LOG_TIMEOUT.toNanos();
		List<String[]> lines = accessLog();
		while (lines.size() < bodies.size() && System.nanoTime() - deadline < 0) {
			ServerProcess.pause(Duration.ofMillis(20));
			lines = accessLog();
		}
		List<UpstreamHandshake> handshakes = lines.stream().map(NginxServer::handshake).toList();
		this.seen = handshakes;
		return handshakes;
	}

	/**
	 * The handshakes in the access log by request path (without the query), for clients
	 * that tag their requests by path, once the log has stopped growing (for at most a
	 * second).
	 * @return the handshakes of the requests of each path, in order
	 */
	public Map<String, List<UpstreamHandshake>> handshakesByPath() {
		long size = -1;
		Path log = this.directory.resolve("access.log");
		try {
			for (int i = 0; i < 20 && Files.exists(log) && Files.size(log) != size; i++) {
				size = Files.size(log);
				ServerProcess.pause(Duration.ofMillis(50));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, List<UpstreamHandshake>> byPath = new LinkedHashMap<>();
		List<UpstreamHandshake> all = new ArrayList<>();
		for (String[] line : accessLog()) {
			UpstreamHandshake handshake = handshake(line);
			String path = line[3];
			int query = path.indexOf('?');
			byPath.computeIfAbsent((query >= 0) ? path.substring(0, query) : path, (key) -> new ArrayList<>())
				.add(handshake);
			all.add(handshake);
		}
		this.seen = all;
		return byPath;
	}

	private static UpstreamHandshake handshake(String[] line) {
		return new UpstreamHandshake("r".equals(line[0]), line[1]);
	}

	private List<String[]> accessLog() {
		try {
			Path log = this.directory.resolve("access.log");
			if (!Files.exists(log)) {
				return List.of();
			}
			List<String[]> lines = new ArrayList<>();
			for (String line : Files.readAllLines(log)) {
				if (line.isBlank()) {
					continue;
				}
				String[] fields = line.split(" ", 4);
				if (fields.length != 4 || !"200".equals(fields[2])) {
					throw new IllegalStateException("Unexpected access log line '" + line + "'");
				}
				lines.add(fields);
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Restarts nginx on the same port with the same ticket key: the session cache is
	 * lost, tickets stay valid.
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
		return "nginx " + this.mode;
	}

}
