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
