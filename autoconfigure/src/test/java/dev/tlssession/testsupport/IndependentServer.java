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

import java.util.List;

import dev.tlssession.testsupport.TlsTestServer.Mode;

/**
 * An HTTPS server that nobody on the team wrote (nginx, {@code openssl s_server}), run as
 * a process on 127.0.0.1: resumption against it shows that the caches interoperate with
 * the TLS stacks users meet, not only with Netty.
 */
public interface IndependentServer extends AutoCloseable {

	/**
	 * A handshake as the server saw it.
	 *
	 * @param resumed whether the server resumed a session
	 * @param protocol the protocol, for example {@code TLSv1.3}
	 */
	record Handshake(boolean resumed, String protocol) {
	}

	/**
	 * How the server lets clients resume.
	 * @return the mode
	 */
	Mode mode();

	int port();

	/**
	 * The URL of a host name that resolves to this server in tests.
	 * @param host a name from {@link TestPki#HOSTS}
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
	List<Handshake> handshakes(List<String> bodies);

	/**
	 * Restarts the server on the same port with new ticket keys and an empty session
	 * cache, as a server farm that rotates its keys or a restarted server does: no
	 * session issued before resumes.
	 */
	void forgetSessions();

	@Override
	void close();

}
