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

/**
 * Local TLS upstreams for tests that check a client resumes its TLS sessions: an
 * in-process HTTPS server that counts full and resumed handshakes as the server saw them
 * ({@link dev.tlssession.test.TlsUpstream}), a certificate authority made at start-up
 * ({@link dev.tlssession.test.TestCertificateAuthority}), nginx and
 * {@code openssl s_server} as independent peers, a JUnit Jupiter extension
 * ({@link dev.tlssession.test.TlsUpstreamExtension}) and AssertJ assertions
 * ({@link dev.tlssession.test.TlsUpstreamAssertions}).
 */
@NullMarked
package dev.tlssession.test;

import org.jspecify.annotations.NullMarked;
