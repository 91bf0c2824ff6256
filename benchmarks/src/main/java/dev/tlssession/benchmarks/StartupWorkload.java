package dev.tlssession.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Workload 5: the time the starter adds to application start-up. The same application is started with the starter
 * off, with one cache and with ten caches (each with the SSL bundle and a host rule), on each provider, alternating;
 * the time is from {@code SpringApplication.run} to its return.
 */
final class StartupWorkload {

	/** A start-up configuration. */
	record Config(String id, int caches, String[] properties) {
	}

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
				configs.add(new Config("starter-" + provider + " x" + caches, caches, properties.toArray(String[]::new)));
			}
		}
		return configs;
	}

	List<Sample> run() {
		this.log.accept("startup");
		return Alternation.run(configs(), this.plan.startupRounds(), 1, this.budget, this::start);
	}

	private Sample start(Config config, int round) {
		long begin = System.nanoTime();
		ConfigurableApplicationContext context = BenchApplication.start(this.pki, config.properties());
		long nanos = System.nanoTime() - begin;
		context.close();
		return new Sample("startup", "startup", config.id(), round, 1, 0, nanos / 1e9, nanos / 1000.0, Double.NaN, 0,
				0, 0, 0, 0, Double.NaN, Double.NaN, new long[0]);
	}

}
