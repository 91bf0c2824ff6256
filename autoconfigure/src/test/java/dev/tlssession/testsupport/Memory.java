package dev.tlssession.testsupport;

import java.lang.management.ManagementFactory;

/**
 * The heap the objects alive use, for tests that check memory stays flat.
 */
public final class Memory {

	private Memory() {
	}

	/**
	 * The heap in use after a few collections.
	 * @return bytes
	 * @throws InterruptedException if interrupted while the collector runs
	 */
	public static long usedHeapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(50);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
