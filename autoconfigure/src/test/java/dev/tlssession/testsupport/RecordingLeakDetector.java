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

package dev.tlssession.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's leak detector, set for the whole test run with
 * {@code -Dio.netty.customResourceLeakDetector}, that also records every {@code LEAK:}
 * report so that {@link SafetyChecks} fails the run on it.
 *
 * @param <T> the resource type
 */
public final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

	private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

	public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
		super(resourceType, samplingInterval);
	}

	/**
	 * The constructor Netty looks for first (and logs an error without, before it falls
	 * back to the one above); the bound on active resources is long gone from Netty.
	 * @param resourceType the type of resource tracked
	 * @param samplingInterval the sampling interval
	 * @param maxActive ignored
	 */
	public RecordingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
		this(resourceType, samplingInterval);
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
