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

import java.util.List;
import java.util.Locale;

import dev.tlssession.benchmarks.Results.Spread;

/**
 * The explanations the report gives for missed targets, built from the run's own numbers
 * (the handshake workload and the JFR profile), and the closing note's proposals.
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
				"the starter's handshake rate is %s of raw Netty's in the same rounds", Report.ratioShort(rate)));
		for (Profiler.Profile p : profiles) {
			if (p.config().equals("handshake starter-openssl resumed")) {
				why.append(String.format(Locale.ROOT,
						"; in the JFR profile of the resumed handshake loop (recorded on TLS 1.3), %.1f %% of the client "
								+ "thread's samples are spent in the starter's own code, led by %s",
						p.starterShare(), topStarter(p)));
			}
		}
		return why.append('.').toString();
	}

	private static String topStarter(Profiler.Profile p) {
		List<String> names = p.topStarter()
			.stream()
			.limit(3)
			.map((e) -> String.format(Locale.ROOT, "`%s` (%.1f %%)", e.getKey(),
					100.0 * e.getValue() / Math.max(1, p.samples())))
			.toList();
		return names.isEmpty() ? "nothing" : String.join(", ", names);
	}

	private static void profileShare(List<Profiler.Profile> profiles, StringBuilder why) {
		for (Profiler.Profile p : profiles) {
			if (p.config().equals("starter-openssl")) {
				why.append(String.format(Locale.ROOT,
						"; in the JFR profile of (d), %.1f %% of client samples are spent in the starter's own code (top: %s)",
						p.starterShare(), p.topStarter().isEmpty() ? "none" : p.topStarter().get(0).getKey()));
			}
		}
	}

	static String resumedMissed(Results results, String cell) {
		long[] deep = results.resumed("churn", "netty/ec/TLSv1.3/8", "starter-openssl-16");
		return "TLS 1.3 tickets are single-use, so when 8 connections open at once some find no ticket left until "
				+ "earlier connections bring theirs back (BoringSSL sends two per connection, and the cache keeps "
				+ "`max-sessions-per-host` = 4 per host)"
				+ ((deep[1] > 0) ? String.format(Locale.ROOT,
						"; the same cell with `max-sessions-per-host=16` (d16) resumed %.1f %% (%d/%d)",
						100.0 * deep[0] / deep[1], deep[0], deep[1]) : "");
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
		note.append("What the numbers say:\n\n");
		for (String cell : List.of(Report.SEQ_12, Report.SEQ_13)) {
			Spread d = results.ratio("churn", cell, "starter-openssl", "no-resumption", Sample::rate);
			Spread f = results.ratio("churn", cell, "raw-netty", "no-resumption", Sample::rate);
			Spread df = results.ratio("churn", cell, "starter-openssl", "raw-netty", Sample::rate);
			Spread dfCpu = results.ratio("churn", cell, "starter-openssl", "raw-netty", Sample::clientCpuMicrosPerOp);
			Spread b = results.ratio("churn", cell, "boot-bundle+starter", "boot-bundle", Sample::rate);
			if (d.present()) {
				note.append(String.format(Locale.ROOT,
						"- %s churn: resumption through the starter gives %s the floor's requests/s, raw Netty's own cache "
								+ "%s; starter ÷ raw Netty %s in requests/s and %s in client CPU per request. Code that "
								+ "builds a `fromBundle` client per request gets %s more requests/s once the starter is "
								+ "present.%n",
						Report.label(cell), Report.ratioShort(d), Report.ratioShort(f), Report.ratioShort(df),
						Report.ratioShort(dfCpu), Report.ratioShort(b)));
			}
		}
		for (String cell : List.of("netty/ec/TLSv1.3/8")) {
			long[] d = results.resumed("churn", cell, "starter-openssl");
			long[] deep = results.resumed("churn", cell, "starter-openssl-16");
			if (d[1] > 0 && deep[1] > 0) {
				note.append(String.format(Locale.ROOT,
						"- 8-way TLS 1.3 with single-use tickets: the server resumed %.1f %% of (d)'s handshakes with the "
								+ "default `max-sessions-per-host` = 4, and %.1f %% with 16 (d16): 8 connections opening together "
								+ "need up to 8 tickets for the host.%n",
						100.0 * d[0] / d[1], 100.0 * deep[0] / deep[1]));
			}
			long[] jdk = results.resumed("churn", cell, "starter-jdk");
			if (jdk[1] > 0 && jdk[0] < 0.95 * jdk[1]) {
				note.append(String.format(Locale.ROOT,
						"- The jdk provider resumed only %.1f %% of 8-way TLS 1.3 connections (server count %d/%d): the "
								+ "JDK's client cache decides how many single-use tickets it keeps per host, and on %s it does "
								+ "not keep enough for 8 connections opened together; the starter cannot change that on the jdk "
								+ "provider (its `max-sessions-per-host` is refused there), which is one more reason to prefer "
								+ "openssl.%n",
						100.0 * jdk[0] / jdk[1], jdk[0], jdk[1], System.getProperty("java.runtime.version")));
			}
		}
		Spread x25519Full = results.ratio("handshake", "netty/ec/TLSv1.3/1", "raw-openssl-x25519 full",
				"raw-openssl full", Sample::clientCpuMicrosPerOp);
		Spread x25519Resumed = results.ratio("handshake", "netty/ec/TLSv1.3/1", "raw-openssl-x25519 resumed",
				"raw-openssl resumed", Sample::clientCpuMicrosPerOp);
		if (x25519Resumed.present()) {
			note.append(String.format(Locale.ROOT,
					"- TLS 1.3 key exchange: with X25519 alone instead of Netty's default hybrid X25519MLKEM768, a raw "
							+ "BoringSSL client handshake costs %s (full) and %s (resumed) of the default's client CPU.%n",
					Report.ratioShort(x25519Full), Report.ratioShort(x25519Resumed)));
		}
		String rsa12 = "netty/rsa/TLSv1.2/1";
		Spread rsa = results.ratio("churn", rsa12, "starter-openssl", "no-resumption", Sample::rate);
		if (rsa.present()) {
			note.append(String.format(Locale.ROOT,
					"- With an RSA-2048 certificate the server's full handshake costs more, and TLS 1.2 resumption gives %s.%n",
					Report.ratioShort(rsa)));
		}
		for (Profiler.Profile p : profiles) {
			if (p.config().equals("starter-openssl")) {
				note.append(String.format(Locale.ROOT,
						"- JFR: %.1f %% of the client samples of (d) are spent in the starter's own code.%n",
						p.starterShare()));
			}
		}
		note.append('\n');
		List<Report.Target> missed = targets.stream().filter((t) -> !t.met()).toList();
		if (missed.isEmpty()) {
			note.append("Every target was met in this run.\n\n");
			return note.toString();
		}
		note.append("Proposed changes for the missed targets:\n\n");
		for (Report.Target t : missed) {
			note.append("- **").append(t.name()).append("**: ").append(proposal(results, t)).append('\n');
		}
		note.append('\n');
		return note.toString();
	}

	private static String proposal(Results results, Report.Target target) {
		String name = target.name();
		if (name.startsWith("Churn TLS 1.3") && name.contains("(c)")) {
			Spread x25519 = results.ratio("handshake", "netty/ec/TLSv1.3/1", "raw-openssl full",
					"raw-openssl-x25519 full", Sample::clientCpuMicrosPerOp);
			Spread x25519Resumed = results.ratio("handshake", "netty/ec/TLSv1.3/1", "raw-openssl resumed",
					"raw-openssl-x25519 resumed", Sample::clientCpuMicrosPerOp);
			return String.format(Locale.ROOT,
					"the starter matches the provider's own resumption, so the gain can only grow by making the resumed "
							+ "handshake itself cheaper. Add a per-cache `named-groups` setting (`TlsSessionProperties.Cache`, "
							+ "carried in `TlsMaterial` and applied in `TlsMaterial.clientBuilder` as "
							+ "`builder.option(OpenSslContextOption.GROUPS, groups)` for openssl, `jdk.tls.namedGroups`-style "
							+ "`SSLParameters.setNamedGroups` is JDK 20+ so the jdk provider would refuse it at start-up): in the "
							+ "handshake workload, X25519 alone instead of Netty's default X25519MLKEM768 cut the raw BoringSSL "
							+ "client CPU per handshake by %s (full) and %s (resumed). It gives up the post-quantum hybrid, "
							+ "so it must stay opt-in; otherwise restate the TLS 1.3 target relative to (f)",
					Report.ratioShort(x25519), Report.ratioShort(x25519Resumed));
		}
		if (name.startsWith("Churn TLS 1.2") && name.contains("(c)")) {
			return "no starter change reaches 3× when raw Netty with a shared context does not: the 3× came from the "
					+ "handshake-only reference, while a churned HTTP request also pays TCP set-up, the request and the "
					+ "response in both configurations. Restate the target on the handshake workload (resumed ÷ full client "
					+ "CPU per handshake) or as (d) ÷ (c) ≥ 0.97 × (f) ÷ (c), which is what the starter controls";
		}
		if (name.startsWith("Keep-alive")) {
			return "over pooled connections the starter's code does not run per request (no handshake, no lookup), "
					+ "so a rate ratio below 1 with client CPU per request equal within the spread is the machine's noise; "
					+ "nothing to change in the starter. Rerun on a quiet machine, or judge this target on client CPU per "
					+ "request, which is robust to foreign load";
		}
		if (name.contains("(d) ÷ (f)")) {
			return "nothing to change if the client CPU per request is equal within the spread (see the explanation "
					+ "above): then the rate difference is the machine's noise. Judge this target on client CPU per "
					+ "request, which is robust to foreign load";
		}
		if (name.contains("starter ÷ raw")) {
			return "if the per-round ratios straddle 1.0 this is noise (the same code paths run in both); if they do "
					+ "not, the JFR profile of the handshake loop names the starter frames that cost it, and the change is "
					+ "to move that work off the handshake path (for example, create the session's view and strings lazily "
					+ "in `NativeSession`, not on every new ticket)";
		}
		if (name.startsWith("Resumed fraction") && name.contains("8-way")) {
			long[] deep = results.resumed("churn", "netty/ec/TLSv1.3/8", "starter-openssl-16");
			return String.format(Locale.ROOT,
					"8 connections start while the cache holds at most `max-sessions-per-host` = 4 single-use tickets for "
							+ "the host; with 16 per host (d16) the server resumed %s. Raise the default in "
							+ "`TlsSessionCacheSettings.DEFAULTS` (and the SPEC table) from 4 to 16, which costs at most 12 "
							+ "more sessions per busy upstream and stays bounded by `max-sessions`",
					(deep[1] == 0) ? "–" : String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100.0 * deep[0] / deep[1],
							deep[0], deep[1]));
		}
		return "see the explanation above";
	}

}
