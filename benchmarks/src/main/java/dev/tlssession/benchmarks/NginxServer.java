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
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * nginx on 127.0.0.1 when it is installed: one process ({@code master_process off})
 * started and stopped by the benchmark, closing every connection after its response, and
 * logging {@code $ssl_session_reused} per request, so that resumption is confirmed by the
 * server.
 */
final class NginxServer implements BenchServer {

	private final Path directory;

	private final Path accessLog;

	private final int port;

	private final Process process;

	/**
	 * Whether nginx can be run here.
	 * @return the binary, or {@code null}
	 */
	static Path binary() {
		for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx",
				"/usr/local/nginx/sbin/nginx")) {
			Path path = Path.of(candidate);
			if (Files.isExecutable(path)) {
				return path;
			}
		}
		return null;
	}

	NginxServer(Path binary, Path directory, Pki pki, Pki.Cert cert, Protocol protocol) throws IOException {
		this.directory = Files.createDirectories(directory.toAbsolutePath());
		directory = this.directory;
		this.accessLog = directory.resolve("access.log");
		Files.deleteIfExists(this.accessLog);
		this.port = freePort();
		String conf = """
				daemon off;
				master_process off;
				worker_processes 1;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events { worker_connections 1024; }
				http {
				    client_body_temp_path %1$s/tmp; proxy_temp_path %1$s/tmp; fastcgi_temp_path %1$s/tmp;
				    uwsgi_temp_path %1$s/tmp; scgi_temp_path %1$s/tmp;
				    log_format bench '$request_uri $ssl_session_reused $ssl_protocol';
				    server {
				        listen 127.0.0.1:%2$d ssl;
				        server_name localhost;
				        ssl_certificate %3$s;
				        ssl_certificate_key %4$s;
				        ssl_protocols %5$s;
				        ssl_session_cache shared:bench:10m;
				        ssl_session_timeout 1h;
				        ssl_session_tickets on;
				        keepalive_timeout 0;
				        access_log %6$s bench;
				        location / { default_type text/plain; return 200 "ok"; }
				    }
				}
				""".formatted(directory, this.port, pki.serverPem(cert), pki.serverKey(cert), protocol.jsse,
				this.accessLog);
		Files.createDirectories(directory.resolve("tmp"));
		Path confFile = directory.resolve("nginx.conf");
		Files.writeString(confFile, conf);
		this.process = new ProcessBuilder(binary.toString(), "-p", directory.toString(), "-c", confFile.toString(),
				"-e", directory.resolve("error.log").toString())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("stdout.log").toFile())
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!accepts(this.port)) {
			if (!this.process.isAlive() || System.nanoTime() > deadline) {
				close();
				throw new IOException("nginx did not start; see " + directory.resolve("error.log"));
			}
			sleep(20);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String url(String tag) {
		return "https://localhost:" + this.port + "/" + tag;
	}

	/**
	 * Not counted per slice: nginx logs after the response, so the counts are taken per
	 * request tag once a cell is over ({@link #handshakesByTag()}).
	 */
	@Override
	public Handshakes handshakes() {
		return new Handshakes(0, 0, 0);
	}

	/**
	 * The handshakes logged so far, by request tag (the URL path without its leading
	 * slash), once the log has stopped growing.
	 * @return the counts by tag
	 */
	Map<String, Handshakes> handshakesByTag() {
		Map<String, long[]> counts = new HashMap<>();
		try {
			long size = -1;
			for (int i = 0; i < 20 && Files.exists(this.accessLog) && Files.size(this.accessLog) != size; i++) {
				size = Files.size(this.accessLog);
				sleep(50);
			}
			if (Files.exists(this.accessLog)) {
				for (String line : Files.readAllLines(this.accessLog)) {
					String[] fields = line.split(" ");
					if (fields.length >= 2 && fields[0].startsWith("/")) {
						long[] c = counts.computeIfAbsent(fields[0].substring(1), (k) -> new long[2]);
						c[fields[1].equals("r") ? 0 : 1]++;
					}
				}
			}
		}
		catch (IOException ex) {
			// no counts: the report shows none
		}
		Map<String, Handshakes> byTag = new HashMap<>();
		counts.forEach((tag, c) -> byTag.put(tag, new Handshakes(c[0], c[1], 0)));
		return byTag;
	}

	@Override
	public String label() {
		return "nginx";
	}

	@Override
	public long pid() {
		return this.process.pid();
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	Path directory() {
		return this.directory;
	}

}
