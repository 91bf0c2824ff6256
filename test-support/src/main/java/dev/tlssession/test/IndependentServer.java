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

import java.util.List;

/**
 * An HTTPS server that is not Netty (nginx, {@code openssl s_server}), run as a process
 * on {@code 127.0.0.1} from a temporary directory, with a certificate of a
 * {@link TestCertificateAuthority}: resumption against it shows that a client
 * interoperates with the TLS stacks upstreams run, not only with Netty. Each server
 * reports the handshakes it saw, and is stopped on {@link #close()}, at JVM exit, and
 * after 3 minutes whatever happens.
 * <p>
 * A server that is not installed skips the test that starts it (JUnit's
 * {@code Assumptions}), except on CI ({@code CI=true}), where it fails it, so that CI
 * never skips silently.
 *
 * @since 0.1.0
 */
public interface IndependentServer extends AutoCloseable {

	/**
	 * How the server lets clients resume.
	 * @return the mode
	 */
	ResumptionMode mode();

	/**
	 * The port the server listens on, on {@code 127.0.0.1}.
	 * @return the port
	 */
	int port();

	/**
	 * The server's URL with a host name that resolves to {@code 127.0.0.1} and that its
	 * certificate names.
	 * @param host the host name, for example {@code localhost}
	 * @return the URL
	 */
	default String url(String host) {
		return "https://" + host + ":" + port() + "/";
	}

	/**
	 * The handshakes of every request made so far, as the server saw them, in order.
	 * @param bodies the bodies of the responses to those requests, in order (some servers
	 * describe the handshake in the body, others in their logs)
	 * @return one handshake per request
	 */
	List<UpstreamHandshake> handshakes(List<String> bodies);

	/**
	 * Restarts the server on the same port with new ticket keys and an empty session
	 * cache, as a server farm that rotates its keys or a restarted server does: no
	 * session issued before resumes.
	 */
	void forgetSessions();

	/**
	 * Stops the server and tells the {@link UpstreamListener}s what it saw last.
	 */
	@Override
	void close();

}
