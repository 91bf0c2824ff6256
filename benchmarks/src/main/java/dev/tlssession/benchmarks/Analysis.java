package dev.tlssession.benchmarks;

import java.util.List;
import java.util.Locale;

import dev.tlssession.benchmarks.Results.Spread;

/**
 * The explanations the report gives for missed targets, built from the run's own numbers (the handshake workload
 * and the JFR profile), and the closing note's proposals.
 */
final class Analysis {

	private Analysis() {
	}

	static String churnGainMissed(Results results, String cell, double goal) {
		String protocol = cell.split("/")[2];
		Spread ceiling = results.ratio("churn", cell, "raw-netty", "no-resumption", Sample::rate);
		Spread handshakeRate = results.ratio("handshake", "netty/ec/" + protocol + "/1", "raw-openssl resumed",
				"raw-openssl full", Sample::rate);
		Spread handshakeCpu = results.ratio("handshake", "netty/ec/" + protocol + "/1", "raw-openssl full",
				"raw-openssl resumed", Sample::clientCpuMicrosPerOp);
		StringBuilder why = new StringBuilder();
		why.append(String.format(Locale.ROOT,
				"the ceiling itself, raw Netty with its own cache (f), reaches %s of the floor in the same rounds",
				Report.ratioShort(ceiling)));
		why.append(String.format(Locale.ROOT,
				"; without HTTP, a resumed BoringSSL handshake is %s the rate of a full one and costs %s less client CPU",
				Report.ratioShort(handshakeRate), Report.ratioShort(handshakeCpu)));
		if (protocol.equals("TLSv1.3")) {
			why.append(". TLS 1.3 resumption keeps a full (EC)DHE (both stacks offer only `psk_dhe_ke`), and Netty "
					+ "4.2 with BoringSSL negotiates the hybrid X25519MLKEM768 group by default, so a resumed handshake "
					+ "saves only the certificate and signature work (handshake-costs reference, sections 4.4 and 5)");
		}
		else {
			why.append(". With HTTP, connection set-up and the request/response cost the same in both "
					+ "configurations and dilute the handshake saving");
		}
		if (ceiling.present() && ceiling.median() < goal) {
			why.append(String.format(Locale.ROOT,
					"; the starter cannot exceed what the provider's own resumption gives (%.2f× < %.1f×).",
					ceiling.median(), goal));
		}
		else {
			why.append('.');
		}
		return why.toString();
	}

	static String starterVsRawMissed(Results results, List<Profiler.Profile> profiles, String cell) {
		Spread cpu = results.ratio("churn", cell, "starter-openssl", "raw-netty", Sample::clientCpuMicrosPerOp);
		StringBuilder why = new StringBuilder(String.format(Locale.ROOT,
				"client CPU per request (d) ÷ (f) is %s in the same rounds", Report.ratioShort(cpu)));
		profileShare(profiles, why);
		return why.append('.').toString();
	}

	static String handshakeCpuMissed(Results results, List<Profiler.Profile> profiles, String cell, String kind) {
		Spread rate = results.ratio("handshake", cell, "starter-openssl " + kind, "raw-openssl " + kind, Sample::rate);
		StringBuilder why = new StringBuilder(String.format(Locale.ROOT,
				"the starter's rate is %s of raw Netty's in the same rounds", Report.ratioShort(rate)));
		profileShare(profiles, why);
		return why.append('.').toString();
	}

	private static void profileShare(List<Profiler.Profile> profiles, StringBuilder why) {
		for (Profiler.Profile p : profiles) {
			if (p.config().equals("starter-openssl")) {
				why.append(String.format(Locale.ROOT,
						"; in the JFR profile of (d), %.1f %% of client samples have a starter frame on the stack (top: %s)",
						p.starterShare(), p.topStarter().isEmpty() ? "none" : p.topStarter().get(0).getKey()));
			}
		}
	}

	static String resumedMissed(Results results, String cell) {
		return "see the churn table of " + cell + ": TLS 1.3 tickets are single-use, so with 8 connections opened at "
				+ "once some find no ticket left until earlier connections bring theirs back (BoringSSL sends two per "
				+ "connection; the cache keeps `max-sessions-per-host` = 4)";
	}

	static String keepAliveMissed(Results results, String cell) {
		Spread cpu = results.ratio("keepalive", cell, "starter-openssl", "raw-netty", Sample::clientCpuMicrosPerOp);
		return String.format(Locale.ROOT,
				"client CPU per request (d) ÷ (f) is %s; over pooled connections the starter does no per-request work "
						+ "(no handshake, no lookup), so a rate difference with equal CPU is the machine's noise",
				Report.ratioShort(cpu));
	}

	static String heapMissed(CacheWorkload.Result result) {
		return String.format(Locale.ROOT, "%.0f B per session measured", result.heapBytesPerSession());
	}

	static String closing(Results results, List<Report.Target> targets, List<Profiler.Profile> profiles,
			List<CacheWorkload.Result> cache) {
		StringBuilder note = new StringBuilder();
		for (Report.Target t : targets) {
			if (!t.met()) {
				note.append("- Missed: **").append(t.name()).append("** (").append(t.measured()).append(").\n");
			}
		}
		if (targets.stream().allMatch(Report.Target::met)) {
			note.append("Every target was met in this run.\n");
		}
		note.append('\n');
		return note.toString();
	}

}
