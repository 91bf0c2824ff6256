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

package dev.tlssession.openssl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tlssession.EvictionCause;
import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.TlsSessionStore;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.testsupport.TestClient;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import dev.tlssession.testsupport.Waits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The seed semantics of OpenSSL's session cache API ({@code SSL_CTX_add_session},
 * {@code SSL_CTX_remove_session}, {@code SSL_set_session}), one test per rule, on the
 * OpenSSL provider against a server that says what it resumed.
 */
class SeedSemanticsTests {

	static final TlsMaterial TRUST = TestPki.trust();

	private final TlsUpstream server = TestServers.start(ResumptionMode.TLS12_SESSION_IDS, TestPki.get().server(), null,
			true);

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void rule1AddKeepsTheSessionAndAddingTheIdenticalSessionAgainReturnsFalse() {
		CapturingStore store = new CapturingStore();
		OpenSslTlsSessionCache cache = cache("a", settings(true, false), store);
		TestClient client = new TestClient(cache);
		client.get(this.server.url("localhost"));
		Waits.until("the store got the session", () -> store.sessions.size() == 1);
		assertThat(cache.size()).as("no-internal-store keeps nothing by itself").isZero();
		TlsSession session = store.sessions.get(0);
		assertThat(cache.add(session)).isTrue();
		assertThat(cache.sessions()).containsExactly(session);
		assertThat(cache.add(session)).as("the identical session again").isFalse();
		client.get(this.server.url("localhost"));
		assertThat(this.server.resumed()).as("the added session was offered and resumed").isEqualTo(1);
	}

	@Test
	void rule2RemoveMarksTheSessionNonResumableAndReturnsFalseWhenAbsent() {
		OpenSslTlsSessionCache cache = cache("a", TlsSessionCacheSettings.DEFAULTS, null);
		TestClient client = new TestClient(cache);
		client.get(this.server.url("localhost"));
		TlsSession session = cache.sessions().get(0);
		assertThat(cache.remove(session)).isTrue();
		assertThat(session.resumable()).isFalse();
		assertThat(cache.remove(session)).as("already removed").isFalse();
		assertThat(cache.add(session)).as("a removed session cannot come back").isFalse();
		assertThat(cache.stats().evictions(EvictionCause.REMOVED)).isEqualTo(1);
		client.get(this.server.url("localhost"));
		assertThat(this.server.resumed()).isZero();
		assertThat(this.server.full()).isEqualTo(2);
	}

	@Test
	void rule3ASessionBelongsToOneCache() {
		OpenSslTlsSessionCache first = cache("first", TlsSessionCacheSettings.DEFAULTS, null);
		OpenSslTlsSessionCache second = cache("second", TlsSessionCacheSettings.DEFAULTS, null);
		new TestClient(first).get(this.server.url("localhost"));
		TlsSession session = first.sessions().get(0);
		assertThatIllegalArgumentException().isThrownBy(() -> second.add(session))
			.withMessageContaining("cannot be added to cache 'second'")
			.withMessageContaining("belongs to the cache");
		assertThat(second.size()).isZero();
	}

	@Test
	void rule4ASessionWhoseConnectionWasNotShutDownCleanlyIsRemoved() {
		OpenSslTlsSessionCache cache = cache("a", TlsSessionCacheSettings.DEFAULTS, null);
		TestClient client = new TestClient(cache);
		this.server.resetConnectionsAfterResponse(true);
		client.getPooled(this.server.url("localhost"));
		Waits.until("the reset connection's session was invalidated",
				() -> cache.stats().evictions(EvictionCause.INVALIDATED) == 1);
		assertThat(cache.size()).isZero();
		client.getPooled(this.server.url("localhost"));
		assertThat(this.server.resumed()).isZero();
	}

	@Test
	void rule4ASessionWhoseConnectionWasShutDownCleanlyStays() {
		OpenSslTlsSessionCache cache = cache("a", TlsSessionCacheSettings.DEFAULTS, null);
		TestClient client = new TestClient(cache);
		client.get(this.server.url("localhost"));
		client.get(this.server.url("localhost"));
		assertThat(this.server.resumed()).isEqualTo(1);
		assertThat(cache.stats().evictions(EvictionCause.INVALIDATED)).isZero();
	}

	@Test
	void rule5WithNoInternalStoreTheCacheIsStillSearched() {
		rule1AddKeepsTheSessionAndAddingTheIdenticalSessionAgainReturnsFalse();
	}

	static OpenSslTlsSessionCache cache(String name, TlsSessionCacheSettings settings,
			@Nullable TlsSessionStore store) {
		try {
			return new OpenSslTlsSessionCache(name, settings, TRUST, store, java.time.Duration.ofMillis(200));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static TlsSessionCacheSettings settings(boolean noInternalStore, boolean noInternalLookup) {
		TlsSessionCacheSettings d = TlsSessionCacheSettings.DEFAULTS;
		return new TlsSessionCacheSettings(d.maxSessions(), d.maxSessionsPerHost(), d.timeout(), true, true, true,
				noInternalStore, noInternalLookup, d.handshakeTimeout());
	}

	/**
	 * Keeps every new session and offers nothing.
	 */
	static final class CapturingStore implements TlsSessionStore {

		final List<TlsSession> sessions = new CopyOnWriteArrayList<>();

		@Override
		public void onNewSession(String cache, TlsSessionKey key, TlsSession session) {
			this.sessions.add(session);
		}

		@Override
		public @Nullable TlsSession lookup(String cache, TlsSessionKey key) {
			return null;
		}

	}

}
