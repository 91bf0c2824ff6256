package dev.tlssession.openssl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What tests outside this package may read of a cache's native memory: the native session references it holds,
 * and the process's resident memory.
 */
public final class NativeReferences {

	private NativeReferences() {
	}

	/**
	 * The native session references a cache holds now.
	 * @param cache the cache
	 * @return the count
	 */
	public static long held(OpenSslTlsSessionCache cache) {
		return cache.nativeSessionReferences();
	}

	/**
	 * The resident set size of this process, from {@code /proc/self/status}.
	 * @return the size in KiB, or -1 where it cannot be read
	 */
	public static long residentKib() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not Linux
		}
		return -1;
	}

}
