package dev.tlssession.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Bounded waits for what happens on I/O threads after a request returns.
 */
public final class Waits {

	private Waits() {
	}

	/**
	 * Waits until a condition holds, at most five seconds.
	 * @param description what is awaited, for the failure message
	 * @param condition the condition
	 */
	public static void until(String description, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("Timed out waiting until " + description);
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
