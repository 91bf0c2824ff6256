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

package dev.tlssession.index;

import java.util.concurrent.TimeUnit;

import dev.tlssession.TlsSessionKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The depth an upstream's sessions are kept to: twice the most connections in flight
 * together lately, from four up to the per-host bound, remembered through idle periods
 * for the window and forgotten after it.
 */
class HostDemandTests {

	private static final TlsSessionKey API = new TlsSessionKey("api.test", 443);

	private static final long WINDOW = TimeUnit.SECONDS.toNanos(HostDemand.WINDOW_SECONDS);

	@Test
	void anUpstreamWithoutConnectionsKeepsTwo() {
		assertThat(new HostDemand(64).depth(API, 0)).isEqualTo(HostDemand.MINIMUM);
	}

	@Test
	void depthIsTwiceTheMostConnectionsInFlightTogetherWithinTheBound() {
		HostDemand demand = new HostDemand(20);
		for (int i = 1; i <= 8; i++) {
			demand.opened(API, i);
			assertThat(demand.depth(API, i)).as("%d in flight", i).isEqualTo(Math.max(HostDemand.MINIMUM, 2 * i));
		}
		for (int i = 0; i < 8; i++) {
			demand.opened(API, 10);
		}
		assertThat(demand.inFlight(API)).isEqualTo(16);
		assertThat(demand.depth(API, 10)).as("the bound").isEqualTo(20);
	}

	@Test
	void theLastBurstIsRememberedUntilTheWindowHasPassed() {
		HostDemand demand = new HostDemand(64);
		for (int i = 0; i < 8; i++) {
			demand.opened(API, 0);
		}
		for (int i = 0; i < 8; i++) {
			demand.closed(API);
		}
		assertThat(demand.inFlight(API)).isZero();
		assertThat(demand.depth(API, WINDOW)).as("idle, within the window").isEqualTo(16);
		demand.opened(API, WINDOW + 1);
		assertThat(demand.depth(API, 2 * WINDOW + 2)).as("one in flight, the burst a window ago")
			.isEqualTo(HostDemand.MINIMUM);
	}

	@Test
	void reachingThePeakAgainKeepsItRemembered() {
		HostDemand demand = new HostDemand(64);
		for (int i = 0; i < 3; i++) {
			demand.opened(API, 0);
		}
		demand.closed(API);
		demand.opened(API, WINDOW);
		assertThat(demand.depth(API, WINDOW + WINDOW / 2)).isEqualTo(6);
	}

	@Test
	void upstreamsIdleLongerThanTheWindowAreSweptOut() {
		HostDemand demand = new HostDemand(64);
		for (int i = 0; i < 1000; i++) {
			TlsSessionKey key = new TlsSessionKey("host" + i + ".test", 443);
			demand.opened(key, i * WINDOW);
			demand.closed(key);
		}
		// only the upstreams called within the last window, and those since the last
		// sweep, are left
		assertThat(demand.tracked()).isLessThanOrEqualTo(2 * 64 + 1);
	}

	@Test
	void closingMoreThanWasOpenedNeverGoesBelowZero() {
		HostDemand demand = new HostDemand(64);
		demand.closed(API);
		demand.opened(API, 0);
		demand.closed(API);
		demand.closed(API);
		assertThat(demand.inFlight(API)).isZero();
	}

}
