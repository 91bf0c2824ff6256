package dev.tlssession.cache;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tlssession.EvictionCause;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.TlsSessionStore;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Calls an application's {@link TlsSessionStore} off the I/O threads, so that a store that throws, stalls or
 * floods never delays or fails a connection: notifications are queued (a bounded queue), a lookup is waited for at
 * most the store timeout, and every failure is counted and costs at most a full handshake.
 */
public final class GuardedStore {

	private static final InternalLogger logger = InternalLoggerFactory.getInstance(GuardedStore.class);

	private static final int THREADS = 2;

	private static final int QUEUE = 1024;

	private static final ThreadPoolExecutor EXECUTOR = executor();

	private final TlsSessionStore store;

	private final long timeoutNanos;

	private final Runnable failureCounter;

	private final AtomicInteger warnings = new AtomicInteger();

	/**
	 * Guards a store for one cache.
	 * @param store the application's store
	 * @param timeout how long a lookup may take before the connection goes ahead without it
	 * @param failureCounter counts each failed call
	 */
	public GuardedStore(TlsSessionStore store, Duration timeout, Runnable failureCounter) {
		this.store = store;
		this.timeoutNanos = timeout.toNanos();
		this.failureCounter = failureCounter;
	}

	private static ThreadPoolExecutor executor() {
		AtomicInteger count = new AtomicInteger();
		ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(QUEUE), (task) -> {
					Thread thread = new Thread(task, "tls-session-store-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	/**
	 * Tells the store about a new session.
	 * @param cache the cache name
	 * @param key the upstream
	 * @param session the session
	 */
	public void onNewSession(String cache, TlsSessionKey key, TlsSession session) {
		notify(cache, () -> this.store.onNewSession(cache, key, session));
	}

	/**
	 * Tells the store that a session left the cache.
	 * @param cache the cache name
	 * @param key the upstream
	 * @param session the session
	 * @param cause why
	 */
	public void onRemoved(String cache, TlsSessionKey key, TlsSession session, EvictionCause cause) {
		notify(cache, () -> this.store.onRemoved(cache, key, session, cause));
	}

	/**
	 * Asks the store which session to offer, waiting at most the store timeout.
	 * @param cache the cache name
	 * @param key the upstream
	 * @return the store's answer, or {@code null} when it has none, failed or took too long
	 */
	public @Nullable TlsSession lookup(String cache, TlsSessionKey key) {
		Future<@Nullable TlsSession> answer;
		try {
			answer = EXECUTOR.submit(() -> this.store.lookup(cache, key));
		}
		catch (RejectedExecutionException ex) {
			failed(cache, "lookup", "the store is busy", null);
			return null;
		}
		try {
			return answer.get(this.timeoutNanos, TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			failed(cache, "lookup", "no answer within " + Duration.ofNanos(this.timeoutNanos).toMillis() + "ms",
					null);
		}
		catch (ExecutionException ex) {
			failed(cache, "lookup", "it threw", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return null;
	}

	/**
	 * Counts a store answer the cache cannot use.
	 * @param cache the cache name
	 * @param why what is wrong with it
	 */
	public void rejected(String cache, String why) {
		failed(cache, "lookup", why, null);
	}

	private void notify(String cache, Runnable call) {
		try {
			EXECUTOR.execute(() -> {
				try {
					call.run();
				}
				catch (RuntimeException ex) {
					failed(cache, "notification", "it threw", ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			failed(cache, "notification", "the store is busy (" + QUEUE + " calls queued)", null);
		}
	}

	private void failed(String cache, String call, String why, @Nullable Throwable cause) {
		this.failureCounter.run();
		String message = "TLS session store " + call + " for cache '" + cache + "' failed: " + why
				+ "; the connection goes ahead without it";
		if (this.warnings.getAndIncrement() < 10) {
			logger.warn(message, cause);
		}
		else {
			logger.debug(message, cause);
		}
	}

}
