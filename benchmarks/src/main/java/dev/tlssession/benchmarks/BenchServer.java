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

/**
 * A TLS server the benchmark started on 127.0.0.1, and its own count of resumed
 * handshakes.
 */
interface BenchServer extends AutoCloseable {

	/**
	 * A URL of this server whose path tags the request (nginx logs it; the Netty server
	 * ignores it).
	 * @param tag the tag
	 * @return the URL
	 */
	String url(String tag);

	/**
	 * The handshakes the server has seen so far (for nginx, those logged for the given
	 * tag prefix so far).
	 * @return the counts
	 */
	Handshakes handshakes();

	/**
	 * Which server it is: {@code netty} or {@code nginx}.
	 * @return the label
	 */
	String label();

	/**
	 * The process id of an external server, whose CPU is the server's and not "other"
	 * load; 0 for in-process.
	 * @return the pid
	 */
	long pid();

	@Override
	void close();

	/**
	 * Server-side handshake counts.
	 *
	 * @param resumed handshakes that resumed a session
	 * @param full handshakes that did not
	 * @param failed handshakes that failed
	 */
	record Handshakes(long resumed, long full, long failed) {

		Handshakes minus(Handshakes earlier) {
			return new Handshakes(this.resumed - earlier.resumed, this.full - earlier.full,
					this.failed - earlier.failed);
		}

	}

}
