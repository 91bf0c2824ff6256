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

import java.util.List;
import java.util.ServiceLoader;

/**
 * The {@link UpstreamListener}s of the class path, loaded once.
 */
final class UpstreamListeners {

	private static volatile List<UpstreamListener> listeners;

	private UpstreamListeners() {
	}

	static void closed(String upstream, long resumed, long full) {
		for (UpstreamListener listener : listeners()) {
			listener.closed(upstream, resumed, full);
		}
	}

	private static List<UpstreamListener> listeners() {
		List<UpstreamListener> loaded = listeners;
		if (loaded == null) {
			loaded = ServiceLoader.load(UpstreamListener.class, UpstreamListener.class.getClassLoader())
				.stream()
				.map(ServiceLoader.Provider::get)
				.toList();
			listeners = loaded;
		}
		return loaded;
	}

}
