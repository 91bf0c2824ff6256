/**
 * Local TLS upstreams for tests that check a client resumes its TLS sessions: an in-process HTTPS server that counts
 * full and resumed handshakes as the server saw them ({@link dev.tlssession.test.TlsUpstream}), a certificate
 * authority made at start-up ({@link dev.tlssession.test.TestCertificateAuthority}), nginx and
 * {@code openssl s_server} as independent peers, a JUnit Jupiter extension
 * ({@link dev.tlssession.test.TlsUpstreamExtension}) and AssertJ assertions
 * ({@link dev.tlssession.test.TlsUpstreamAssertions}).
 */
@NullMarked
package dev.tlssession.test;

import org.jspecify.annotations.NullMarked;
