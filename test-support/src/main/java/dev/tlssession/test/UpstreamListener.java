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

/**
 * Told what each upstream of this kit saw when it closes, for reports across a whole test
 * suite (for example the resumed and full handshakes per test run on CI). Implementations
 * are found with {@link java.util.ServiceLoader}: list them in
 * {@code META-INF/services/dev.tlssession.test.UpstreamListener}. A listener must not
 * throw.
 *
 * @since 0.1.0
 */
public interface UpstreamListener {

	/**
	 * Called once when an upstream closes.
	 * @param upstream a description of the upstream, for example
	 * {@code TlsUpstream[TLS13, 127.0.0.1:41234]}
	 * @param resumed the resumed handshakes it saw
	 * @param full the full handshakes it saw
	 */
	void closed(String upstream, long resumed, long full);

}
