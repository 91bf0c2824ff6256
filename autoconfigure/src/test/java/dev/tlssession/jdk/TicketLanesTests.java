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

package dev.tlssession.jdk;

import dev.tlssession.TlsSessionKey;
import dev.tlssession.jdk.TicketLanes.Release;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the lanes of an upstream are chosen: a lane with a reusable TLS 1.2 session first,
 * then one believed to hold a TLS 1.3 ticket, then an idle one, then a new one within the
 * bound, then the least busy; and how the ports the JDK sees carry the lane.
 */
class TicketLanesTests {

	private static final TlsSessionKey API = new TlsSessionKey("api.test", 8443);

	@Test
	void concurrentConnectionsOpenOneLaneEachUpToTheBound() {
		TicketLanes lanes = new TicketLanes(4, 100, 1);
		assertThat(lanes.maxLanes()).isEqualTo(4);
		for (int i = 0; i < 4; i++) {
			assertThat(lanes.acquire(API)).isEqualTo(i);
		}
		assertThat(lanes.lanes(API)).isEqualTo(4);
		assertThat(lanes.acquire(API)).as("all busy at the bound: the least busy").isEqualTo(0);
		assertThat(lanes.acquire(API)).isEqualTo(1);
		assertThat(lanes.lanes(API)).isEqualTo(4);
	}

	@Test
	void aLaneThatReceivedATicketIsChosenAndItsTicketIsUsedOnce() {
		TicketLanes lanes = new TicketLanes(4, 100, 1);
		int first = lanes.acquire(API);
		int second = lanes.acquire(API);
		lanes.release(API, second, Release.TICKET);
		assertThat(lanes.acquire(API)).as("the lane holding a ticket").isEqualTo(second);
		assertThat(lanes.acquire(API)).as("its ticket is taken, the first lane is busy: a new lane").isEqualTo(2);
		lanes.release(API, first, Release.NOTHING);
		assertThat(lanes.acquire(API)).as("an idle lane before a new one").isEqualTo(first);
	}

	@Test
	void aLaneHoldsAsManyTicketsAsTheJdkKeepsPerKey() {
		TicketLanes one = new TicketLanes(2, 100, 1);
		TicketLanes queue = new TicketLanes(20, 100, 10);
		assertThat(queue.maxLanes()).as("20 tickets in lanes of 10").isEqualTo(2);
		for (TicketLanes lanes : new TicketLanes[] { one, queue }) {
			assertThat(lanes.acquire(API)).isEqualTo(0);
			assertThat(lanes.acquire(API)).isEqualTo(1);
			assertThat(lanes.acquire(API)).as("at the bound: the least busy").isEqualTo(0);
			lanes.release(API, 0, Release.TICKET);
			lanes.release(API, 0, Release.TICKET);
			lanes.release(API, 1, Release.NOTHING);
		}
		// two connections left a ticket each in lane 0: the JDK 17 keeps the last, a JDK
		// with the queue both
		assertThat(one.acquire(API)).isEqualTo(0);
		assertThat(one.acquire(API)).as("the only ticket was taken: the idle lane").isEqualTo(1);
		assertThat(queue.acquire(API)).isEqualTo(0);
		assertThat(queue.acquire(API)).as("the queue holds the second").isEqualTo(0);
	}

	@Test
	void aSmallBoundOnAJdkThatQueuesTicketsBelievesInNoMoreThanTheBound() {
		TicketLanes lanes = new TicketLanes(2, 100, 10);
		assertThat(lanes.maxLanes()).isEqualTo(1);
		for (int i = 0; i < 5; i++) {
			lanes.release(API, lanes.acquire(API), Release.TICKET);
		}
		assertThat(lanes.acquire(API)).isEqualTo(0);
		assertThat(lanes.acquire(API)).isEqualTo(0);
		lanes.release(API, 0, Release.NOTHING);
		lanes.release(API, 0, Release.NOTHING);
		assertThat(lanes.acquire(API)).as("two believed in, both taken: the idle lane").isEqualTo(0);
	}

	@Test
	void aReusableTls12SessionServesEveryConnectionFromItsLane() {
		TicketLanes lanes = new TicketLanes(4, 100, 1);
		int lane = lanes.acquire(API);
		lanes.release(API, lane, Release.REUSABLE);
		for (int i = 0; i < 5; i++) {
			assertThat(lanes.acquire(API)).isEqualTo(lane);
		}
		assertThat(lanes.lanes(API)).isEqualTo(1);
	}

	@Test
	void forgettingAnUpstreamDropsWhatItsLanesHeld() {
		TicketLanes lanes = new TicketLanes(4, 100, 1);
		lanes.release(API, lanes.acquire(API), Release.REUSABLE);
		lanes.forget(API);
		assertThat(lanes.acquire(API)).as("the idle lane, holding nothing").isEqualTo(0);
		assertThat(lanes.acquire(API)).as("it is busy and holds nothing reusable").isEqualTo(1);
	}

	@Test
	void trackedUpstreamsAreBounded() {
		TicketLanes lanes = new TicketLanes(4, 2, 1);
		TlsSessionKey other = new TlsSessionKey("other.test", 8443);
		TlsSessionKey third = new TlsSessionKey("third.test", 8443);
		lanes.acquire(API);
		lanes.acquire(other);
		lanes.acquire(third);
		assertThat(lanes.lanes(API)).as("the least recently used upstream is forgotten").isZero();
		assertThat(lanes.lanes(other)).isEqualTo(1);
		assertThat(lanes.lanes(third)).isEqualTo(1);
		lanes.release(API, 0, Release.TICKET);
		assertThat(lanes.lanes(API)).as("a release of a forgotten upstream changes nothing").isZero();
	}

	@Test
	void portsCarryTheLaneAboveTheUpstreamsPort() {
		assertThat(TicketLanes.port(8443, 0)).isEqualTo(8443);
		for (int lane = 0; lane < 64; lane++) {
			for (int port : new int[] { 1, 443, 8443, 65535 }) {
				int lanePort = TicketLanes.port(port, lane);
				assertThat(lanePort).isPositive();
				assertThat(TicketLanes.upstreamPort(lanePort)).isEqualTo(port);
			}
		}
		assertThat(TicketLanes.upstreamPort(-1)).isEqualTo(-1);
	}

}
