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

package dev.tlssession.cache;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.tlssession.EvictionCause;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.TlsSessionStore;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Calls an application's {@link TlsSessionStore} for one cache on the starter's own
 * threads, so that a store that throws, stalls or floods never delays an I/O thread and
 * never fails a connection.
 * <p>
 * Nothing here waits: a caller on an I/O thread only queues work (on lock-free queues)
 * and is answered through a callback. Lookups run on their own threads, apart from
 * notifications, so they never queue behind them; a lookup is abandoned (its thread
 * interrupted) when the caller stops waiting, and once {@value #MAX_LOOKUPS_IN_FLIGHT}
 * lookups of a cache are unfinished the store counts as hung and connections stop asking
 * it. Notifications run one at a time per cache, in the order they were made, so a store
 * hears of a session before it hears of its removal; at most
 * {@value #MAX_QUEUED_NOTIFICATIONS} wait, further ones are dropped. Every failure is
 * counted and costs at most a full handshake.
 *
 * @since 0.1.0
 */
public final class StoreDispatcher {

	private static final InternalLogger logger = InternalLoggerFactory.getInstance(StoreDispatcher.class);

	static final int MAX_LOOKUPS_IN_FLIGHT = 64;

	static final int MAX_QUEUED_NOTIFICATIONS = 1024;

	private static final int NOTIFICATIONS_PER_TURN = 64;

	private static final ThreadPoolExecutor LOOKUPS = executor("tls-session-store-lookup-", 2);

	private static final ThreadPoolExecutor NOTIFICATIONS = executor("tls-session-store-notify-", 2);

	private final TlsSessionStore store;

	private final String cache;

	private final Duration timeout;

	private final Runnable failureCounter;

	private final AtomicInteger lookupsInFlight = new AtomicInteger();

	private final Queue<Runnable> notifications = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queuedNotifications = new AtomicInteger();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final AtomicInteger warnings = new AtomicInteger();

	/**
	 * Guards a store for one cache.
	 * @param store the application's store
	 * @param cache the cache name
	 * @param timeout how long a connection waits for a lookup before it goes ahead
	 * without it
	 * @param failureCounter counts each failed call
	 */
	public StoreDispatcher(TlsSessionStore store, String cache, Duration timeout, Runnable failureCounter) {
		this.store = store;
		this.cache = cache;
		this.timeout = timeout;
		this.failureCounter = failureCounter;
	}

	/**
	 * Threads that are all started up front and never time out, on a lock-free queue:
	 * queueing work never takes a lock or starts a thread, so it cannot make an I/O
	 * thread wait.
	 */
	private static ThreadPoolExecutor executor(String prefix, int threads) {
		AtomicInteger count = new AtomicInteger();
		ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
				new LinkedTransferQueue<>(), (task) -> {
					Thread thread = new Thread(task, prefix + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		executor.prestartAllCoreThreads();
		return executor;
	}

	/**
	 * How long a connection waits for a lookup at most.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Tells the store about a new session, after every notification queued before.
	 * @param key the upstream
	 * @param session the session
	 */
	public void onNewSession(TlsSessionKey key, TlsSession session) {
		notify(() -> this.store.onNewSession(this.cache, key, session));
	}

	/**
	 * Tells the store that a session left the cache, after every notification queued
	 * before.
	 * @param key the upstream
	 * @param session the session
	 * @param cause why
	 * @param delivered runs once the store's {@code onRemoved} has returned or thrown
	 */
	public void onRemoved(TlsSessionKey key, TlsSession session, EvictionCause cause, Runnable delivered) {
		notify(() -> {
			try {
				this.store.onRemoved(this.cache, key, session, cause);
			}
			finally {
				delivered.run();
			}
		});
	}

	/**
	 * Asks the store which session to offer. Returns at once; the answer comes on a store
	 * thread.
	 * @param key the upstream
	 * @param answer told the store's choice, or {@code null} when it has none or failed;
	 * never told after the lookup was {@linkplain Lookup#abandon() abandoned}
	 * @return the lookup, to abandon when the connection stops waiting
	 */
	public Lookup lookup(TlsSessionKey key, Consumer<@Nullable TlsSession> answer) {
		Lookup lookup = new Lookup(key, answer);
		if (this.lookupsInFlight.incrementAndGet() > MAX_LOOKUPS_IN_FLIGHT) {
			this.lookupsInFlight.decrementAndGet();
			failed("lookup", "it has not answered " + MAX_LOOKUPS_IN_FLIGHT + " lookups", null);
			lookup.answerNone();
			return lookup;
		}
		try {
			LOOKUPS.execute(() -> {
				try {
					lookup.run();
				}
				finally {
					this.lookupsInFlight.decrementAndGet();
				}
			});
		}
		catch (Throwable ex) {
			this.lookupsInFlight.decrementAndGet();
			failed("lookup", "it could not be called", ex);
			lookup.answerNone();
		}
		return lookup;
	}

	/**
	 * Counts a lookup the connection stopped waiting for.
	 */
	public void timedOut() {
		failed("lookup", "no answer within " + this.timeout.toMillis() + "ms", null);
	}

	/**
	 * Counts a store answer the cache cannot use.
	 * @param why what is wrong with it
	 */
	public void rejected(String why) {
		failed("lookup", why, null);
	}

	private void notify(Runnable call) {
		if (this.queuedNotifications.incrementAndGet() > MAX_QUEUED_NOTIFICATIONS) {
			this.queuedNotifications.decrementAndGet();
			failed("notification", "it is " + MAX_QUEUED_NOTIFICATIONS + " notifications behind", null);
			return;
		}
		this.notifications.add(call);
		drainSoon();
	}

	private void drainSoon() {
		if (this.draining.compareAndSet(false, true)) {
			try {
				NOTIFICATIONS.execute(this::drain);
			}
			catch (Throwable ex) {
				// the queued notifications go out with the next one
				this.draining.set(false);
				failed("notification", "it could not be called", ex);
			}
		}
	}

	private void drain() {
		for (int i = 0; i < NOTIFICATIONS_PER_TURN; i++) {
			Runnable call = this.notifications.poll();
			if (call == null) {
				break;
			}
			this.queuedNotifications.decrementAndGet();
			try {
				call.run();
			}
			catch (Throwable ex) {
				failed("notification", "it threw", ex);
			}
		}
		this.draining.set(false);
		if (!this.notifications.isEmpty()) {
			drainSoon();
		}
	}

	private void failed(String call, String why, @Nullable Throwable cause) {
		this.failureCounter.run();
		boolean warn = this.warnings.getAndIncrement() < 10;
		if (!warn && !logger.isDebugEnabled()) {
			return;
		}
		// logged on a store thread: logging may write to a file or the console, which an
		// I/O thread must not wait for
		Runnable log = () -> {
			String message = "TLS session store " + call + " for cache '" + this.cache + "' failed: " + why
					+ "; the connection goes ahead without it";
			if (warn) {
				logger.warn(message, cause);
			}
			else {
				logger.debug(message, cause);
			}
		};
		try {
			NOTIFICATIONS.execute(log);
		}
		catch (Throwable ex) {
			// the failure is counted; its log line is lost
		}
	}

	/**
	 * One lookup in progress.
	 */
	public final class Lookup extends FutureTask<@Nullable TlsSession> {

		private final Consumer<@Nullable TlsSession> answer;

		Lookup(TlsSessionKey key, Consumer<@Nullable TlsSession> answer) {
			super(() -> StoreDispatcher.this.store.lookup(StoreDispatcher.this.cache, key));
			this.answer = answer;
		}

		void answerNone() {
			set(null);
		}

		/**
		 * The connection stops waiting: the answer, if one comes, is dropped, and a store
		 * still working on it is interrupted. Never waits.
		 */
		public void abandon() {
			cancel(true);
		}

		@Override
		protected void done() {
			if (isCancelled()) {
				return;
			}
			TlsSession chosen = null;
			try {
				chosen = get();
			}
			catch (ExecutionException ex) {
				failed("lookup", "it threw", ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.answer.accept(chosen);
		}

	}

}
