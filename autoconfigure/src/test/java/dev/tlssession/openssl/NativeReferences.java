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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What tests outside this package may read of a cache's native memory: the native session
 * references it holds, and the process's resident memory.
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
