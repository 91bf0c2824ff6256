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

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tlssession.test.NginxServer;
import dev.tlssession.test.UpstreamHandshake;

/**
 * nginx on 127.0.0.1 when it is installed: the test kit's {@link NginxServer} (one
 * process started and stopped by the benchmark, closing every connection after its
 * response, logging {@code $ssl_session_reused} per request), so that resumption is
 * confirmed by the server.
 */
final class NginxBenchServer implements BenchServer {

	private final NginxServer nginx;

	NginxBenchServer(Path directory, Pki pki, Pki.Cert cert, Protocol protocol) {
		this.nginx = NginxServer.start(protocol.mode, directory, pki.authority(cert));
	}

	/**
	 * Whether nginx can be run here.
	 * @return {@code true} if it is installed
	 */
	static boolean installed() {
		return NginxServer.isInstalled();
	}

	@Override
	public String url(String tag) {
		return "https://localhost:" + this.nginx.port() + "/" + tag;
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
		Map<String, Handshakes> byTag = new HashMap<>();
		this.nginx.handshakesByPath().forEach((path, handshakes) -> byTag.put(path.substring(1), count(handshakes)));
		return byTag;
	}

	private static Handshakes count(List<UpstreamHandshake> handshakes) {
		long resumed = handshakes.stream().filter(UpstreamHandshake::resumed).count();
		return new Handshakes(resumed, handshakes.size() - resumed, 0);
	}

	@Override
	public String label() {
		return "nginx";
	}

	@Override
	public long pid() {
		return this.nginx.pid();
	}

	@Override
	public void close() {
		this.nginx.close();
	}

}
