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

package dev.tlssession.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR execution-sample profile of one configuration's client threads while it runs the
 * churn workload: which share of the samples has a frame of the starter
 * ({@code dev.tlssession}) on the stack, and the hottest methods.
 */
final class Profiler {

	private Profiler() {
	}

	/**
	 * JFR's shortest sampling period: thousands of samples in a few seconds of a busy
	 * thread.
	 */
	static final Duration PERIOD = Duration.ofMillis(1);

	static Profile profile(Clients.Config config, BenchServer server, int concurrency, Duration duration, Path file)
			throws IOException {
		String label = config.id() + ((concurrency == 1) ? "" : " " + concurrency + "-way");
		return profile(label,
				() -> HttpLoad.round("profile", "profile", config, server, concurrency, duration, Plan.MAX_REQUESTS, 1),
				file, ThreadCpu.CLIENT);
	}

	/**
	 * Records while some work runs and summarizes the samples of some threads.
	 * @param label what ran
	 * @param work the work
	 * @param file the recording
	 * @param threads the threads to count
	 * @return the summary
	 */
	static Profile profile(String label, Runnable work, Path file, Predicate<String> threads) throws IOException {
		try (Recording recording = new Recording()) {
			recording.enable("jdk.ExecutionSample").withPeriod(PERIOD);
			recording.enable("jdk.NativeMethodSample").withPeriod(PERIOD);
			recording.start();
			work.run();
			recording.stop();
			recording.dump(file);
		}
		return summarize(label, file, threads);
	}

	static Profile summarize(String config, Path file, Predicate<String> threads) throws IOException {
		long samples = 0;
		long starter = 0;
		Map<String, Long> self = new HashMap<>();
		Map<String, Long> starterFrames = new HashMap<>();
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			String type = event.getEventType().getName();
			if (!(type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample"))
					|| event.getStackTrace() == null) {
				continue;
			}
			String thread = event.getThread("sampledThread").getJavaName();
			if (thread == null || !threads.test(thread)) {
				continue;
			}
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			if (frames.isEmpty() || idle(frames.get(0))) {
				continue;
			}
			samples++;
			self.merge(name(frames.get(0)), 1L, Long::sum);
			// the starter's own cost: from the leaf up, a starter frame reached before
			// any Netty or Reactor frame (the JDK and tcnative calls it makes count as
			// its own); a starter frame that merely passes an event or a handler creation
			// on to Netty is not charged with Netty's work below it
			for (RecordedFrame frame : frames) {
				String frameType = frame.getMethod().getType().getName();
				if (frameType.startsWith("dev.tlssession.") && !frameType.startsWith("dev.tlssession.benchmarks.")) {
					starter++;
					starterFrames.merge(name(frame), 1L, Long::sum);
					break;
				}
				if ((frameType.startsWith("io.netty.") && !frameType.startsWith("io.netty.internal.tcnative."))
						|| frameType.startsWith("reactor.")) {
					break;
				}
			}
		}
		return new Profile(config, file, samples, starter, top(self, 8),
				top(starterFrames, Integer.getInteger("bench.topStarter", 8)));
	}

	/**
	 * A thread waiting for I/O or work is not using CPU: native samples of it are left
	 * out.
	 */
	private static boolean idle(RecordedFrame top) {
		String method = top.getMethod().getName();
		return method.startsWith("epollWait") || method.startsWith("epollBusyWait") || method.equals("park")
				|| method.equals("wait") || method.equals("wait0") || method.equals("sleep") || method.equals("poll0")
				|| method.equals("accept0") || method.equals("select0");
	}

	private static String name(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
	}

	private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
		List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
		entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
		return List.copyOf(entries.subList(0, Math.min(n, entries.size())));
	}

	/** The summary of one profile. */
	record Profile(String config, Path file, long samples, long starterSamples, List<Map.Entry<String, Long>> topSelf,
			List<Map.Entry<String, Long>> topStarter) {

		double starterShare() {
			return (this.samples == 0) ? Double.NaN : 100.0 * this.starterSamples / this.samples;
		}

		/**
		 * Whether the profiled configuration runs the starter (the others are
		 * references).
		 * @return {@code true} for the starter's configurations
		 */
		boolean starterConfig() {
			return this.config.startsWith("starter-") || this.config.startsWith("handshake starter-");
		}

	}

}
