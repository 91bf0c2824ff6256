package dev.tlssession.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's leak detector, set for the whole test run with {@code -Dio.netty.customResourceLeakDetector}, that also
 * records every {@code LEAK:} report so that {@link SafetyChecks} fails the run on it.
 *
 * @param <T> the resource type
 */
public final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

	private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

	public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
		super(resourceType, samplingInterval);
	}

	@Override
	protected void reportTracedLeak(String resourceType, String records) {
		LEAKS.add("LEAK: " + resourceType + records);
		super.reportTracedLeak(resourceType, records);
	}

	@Override
	protected void reportUntracedLeak(String resourceType) {
		LEAKS.add("LEAK: " + resourceType);
		super.reportUntracedLeak(resourceType);
	}

	/**
	 * The leaks reported so far.
	 * @return the reports
	 */
	public static List<String> reported() {
		return List.copyOf(LEAKS);
	}

}
