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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Workload 5: the time the starter adds to application start-up. The same application is
 * started with the starter off, with one cache and with ten caches (each with the SSL
 * bundle and a host rule), on each provider, alternating; the time is from
 * {@code SpringApplication.run} to its return.
 */
final class StartupWorkload {

	private final Pki pki;

	private final Plan plan;

	private final Budget budget;

	private final Consumer<String> log;

	StartupWorkload(Pki pki, Plan plan, Budget budget, Consumer<String> log) {
		this.pki = pki;
		this.plan = plan;
		this.budget = budget;
		this.log = log;
	}

	static List<Config> configs() {
		List<Config> configs = new ArrayList<>();
		configs.add(new Config("boot (starter off)", 0, new String[] { "tls.session.enabled=false" }));
		for (String provider : List.of("openssl", "jdk")) {
			for (int caches : List.of(1, 10)) {
				List<String> properties = new ArrayList<>();
				properties.add("tls.session.provider=" + provider);
				properties.add("tls.session.caches.default.ssl-bundle=bench");
				for (int i = 1; i < caches; i++) {
					properties.add("tls.session.caches.c" + i + ".ssl-bundle=bench");
					properties.add("tls.session.caches.c" + i + ".hosts=h" + i + ".example");
				}
				configs
					.add(new Config("starter-" + provider + " x" + caches, caches, properties.toArray(String[]::new)));
			}
		}
		return configs;
	}

	List<Sample> run() {
		this.log.accept("startup");
		return Alternation.run(configs(), this.plan.startupRounds(), 1, this.budget, this::start);
	}

	/**
	 * One start. The sample's {@code seconds} is the wall time of the start; its
	 * {@code p50Micros} is the time spent creating the starter's own beans (Spring's
	 * start-up steps for beans named {@code tlsSession*} and
	 * {@code webClientTlsSessions}, each less the beans it created in turn), which is far
	 * less noisy.
	 */
	private Sample start(Config config, int round) {
		BufferingApplicationStartup steps = new BufferingApplicationStartup(20_000);
		long begin = System.nanoTime();
		ConfigurableApplicationContext context = BenchApplication.start(this.pki, steps, config.properties());
		long nanos = System.nanoTime() - begin;
		context.close();
		return new Sample("startup", "startup", config.id(), round, 1, 0, nanos / 1e9, starterBeanNanos(steps) / 1000.0,
				Double.NaN, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, new long[0]);
	}

	static long starterBeanNanos(BufferingApplicationStartup steps) {
		List<StartupTimeline.TimelineEvent> events = steps.getBufferedTimeline().getEvents();
		Map<Long, Long> childNanos = new HashMap<>();
		for (StartupTimeline.TimelineEvent event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				childNanos.merge(parent, event.getDuration().toNanos(), Long::sum);
			}
		}
		long total = 0;
		for (StartupTimeline.TimelineEvent event : events) {
			StartupStep step = event.getStartupStep();
			if (step.getName().equals("spring.beans.instantiate") && starterBean(step)) {
				total += event.getDuration().toNanos() - childNanos.getOrDefault(step.getId(), 0L);
			}
		}
		return total;
	}

	private static boolean starterBean(StartupStep step) {
		for (StartupStep.Tag tag : step.getTags()) {
			if (tag.getKey().equals("beanName")
					&& (tag.getValue().startsWith("tlsSession") || tag.getValue().equals("webClientTlsSessions"))) {
				return true;
			}
		}
		return false;
	}

	/** A start-up configuration. */
	record Config(String id, int caches, String[] properties) {
	}

}
