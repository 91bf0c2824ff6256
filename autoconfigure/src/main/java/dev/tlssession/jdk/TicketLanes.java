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

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tlssession.TlsSessionKey;

/**
 * Spreads the new connections of a JDK cache over lanes of each upstream, so that TLS 1.3
 * connections opened together find a ticket each.
 * <p>
 * The JDK keys its client sessions by the engine's peer host and port and uses a TLS 1.3
 * ticket once. JDK 17.0.15 keeps one ticket per key (each new ticket replaces the last,
 * and using one drops the key's entry); JDKs with JDK-8328608 (24 and later, and later
 * updates of 17 and 21) queue up to 10 per key, but a full handshake that found none
 * replaces the queue. Either way, connections that start together to one upstream share
 * one slot and most make full handshakes. A lane is another key for the same upstream:
 * the engine's peer port carries the lane in its upper bits ({@link #port}), while the
 * host name, which alone drives SNI and certificate verification, stays the same. The JDK
 * uses the peer port for nothing else but {@code SSLSession.getPeerPort()} and its JFR
 * handshake event.
 * <p>
 * For each new connection the lanes pick the one most likely to hold an unused ticket: a
 * lane holding a TLS 1.2 session (reusable by any number of connections), else one
 * believed to hold a ticket, else an idle one, else a new one within the bound, else the
 * least busy. A lane is believed to gain a ticket when a TLS 1.3 connection on it has
 * received data after its handshake (servers send their tickets right after the
 * handshake, before any data), and to lose one when a connection takes it; a wrong belief
 * costs at most the full handshake the JDK would have made anyway, and the next handshake
 * on the lane corrects it. At most {@code maxSessionsPerHost} tickets per upstream are
 * believed in: one per lane on a JDK that keeps one per key, ten per lane on one that
 * queues them.
 * <p>
 * Thread-safe; the lock guards only the map and the lanes' counters, never I/O.
 */
final class TicketLanes {

	/** How many tickets the running JDK keeps per host and port. */
	static final int TICKETS_PER_KEY = jdkQueuesTickets() ? 10 : 1;

	private static final byte EMPTY = 0;

	private static final byte TICKETS = 1;

	private static final byte REUSABLE = 2;

	private final int maxLanes;

	private final int ticketsPerLane;

	private final Map<TlsSessionKey, Upstream> upstreams;

	/**
	 * Creates the lanes of one JDK session context.
	 * @param maxSessionsPerHost the tickets per upstream to plan for
	 * @param maxUpstreams the upstreams tracked at most (the least recently used one is
	 * forgotten first)
	 */
	TicketLanes(int maxSessionsPerHost, int maxUpstreams) {
		this(maxSessionsPerHost, maxUpstreams, TICKETS_PER_KEY);
	}

	TicketLanes(int maxSessionsPerHost, int maxUpstreams, int ticketsPerKey) {
		this.ticketsPerLane = Math.min(ticketsPerKey, maxSessionsPerHost);
		this.maxLanes = Math.max(1, maxSessionsPerHost / ticketsPerKey);
		this.upstreams = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<TlsSessionKey, Upstream> eldest) {
				return size() > maxUpstreams;
			}
		};
	}

	/**
	 * The peer port of an engine on a lane: the upstream's port in the low 16 bits, the
	 * lane above. Lane 0 is the port itself.
	 * @param port the upstream's port
	 * @param lane the lane
	 * @return the port to give the engine
	 */
	static int port(int port, int lane) {
		return port + (lane << 16);
	}

	/**
	 * The upstream's port of an engine's or session's peer port.
	 * @param port the peer port, perhaps on a lane
	 * @return the upstream's port, or {@code port} itself when it is not a valid port at
	 * all
	 */
	static int upstreamPort(int port) {
		return (port > 0xFFFF) ? (port & 0xFFFF) : port;
	}

	/**
	 * Chooses the lane of a new connection and counts it as in flight there.
	 * @param key the upstream
	 * @return the lane
	 */
	synchronized int acquire(TlsSessionKey key) {
		Upstream upstream = this.upstreams.computeIfAbsent(key, (k) -> new Upstream());
		return upstream.acquire(this.maxLanes);
	}

	/**
	 * A connection's handshake is over and its tickets, if any, have arrived: it no
	 * longer counts as in flight.
	 * @param key the upstream
	 * @param lane its lane
	 * @param outcome what the lane now holds for it
	 */
	synchronized void release(TlsSessionKey key, int lane, Release outcome) {
		Upstream upstream = this.upstreams.get(key);
		if (upstream != null && lane < upstream.lanes) {
			upstream.release(lane, outcome, this.ticketsPerLane);
		}
	}

	/**
	 * Forgets what the lanes of an upstream hold: its sessions were removed.
	 * @param key the upstream
	 */
	synchronized void forget(TlsSessionKey key) {
		Upstream upstream = this.upstreams.get(key);
		if (upstream != null) {
			upstream.forget();
		}
	}

	/**
	 * How many lanes an upstream has opened so far.
	 * @param key the upstream
	 * @return the count
	 */
	synchronized int lanes(TlsSessionKey key) {
		Upstream upstream = this.upstreams.get(key);
		return (upstream != null) ? upstream.lanes : 0;
	}

	/**
	 * The most lanes an upstream can open.
	 * @return the bound
	 */
	int maxLanes() {
		return this.maxLanes;
	}

	private static boolean jdkQueuesTickets() {
		try {
			// JDK-8328608 added the ticket queue; only looked at, never called
			Class.forName("sun.security.util.Cache").getMethod("newSoftMemoryQueue", int.class, int.class, int.class);
			return true;
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * What a connection leaves in its lane when it stops counting as in flight.
	 */
	enum Release {

		/**
		 * A TLS 1.3 connection that received data after its handshake: it left a ticket.
		 */
		TICKET,

		/** A TLS 1.2 session, which any number of later connections may resume. */
		REUSABLE,

		/**
		 * Nothing known: the handshake failed, or the connection ended before any data
		 * came.
		 */
		NOTHING

	}

	/**
	 * The lanes of one upstream.
	 */
	private static final class Upstream {

		private int lanes;

		private int[] inFlight = new int[1];

		private int[] tickets = new int[1];

		private byte[] held = new byte[1];

		int acquire(int maxLanes) {
			for (int lane = 0; lane < this.lanes; lane++) {
				if (this.held[lane] == REUSABLE) {
					return take(lane);
				}
			}
			for (int lane = 0; lane < this.lanes; lane++) {
				if (this.held[lane] == TICKETS) {
					if (--this.tickets[lane] == 0) {
						this.held[lane] = EMPTY;
					}
					return take(lane);
				}
			}
			for (int lane = 0; lane < this.lanes; lane++) {
				if (this.inFlight[lane] == 0) {
					return take(lane);
				}
			}
			if (this.lanes < maxLanes) {
				open();
				return take(this.lanes - 1);
			}
			int leastBusy = 0;
			for (int lane = 1; lane < this.lanes; lane++) {
				if (this.inFlight[lane] < this.inFlight[leastBusy]) {
					leastBusy = lane;
				}
			}
			return take(leastBusy);
		}

		private int take(int lane) {
			this.inFlight[lane]++;
			return lane;
		}

		private void open() {
			if (this.lanes == this.held.length) {
				int size = this.held.length * 2;
				this.inFlight = Arrays.copyOf(this.inFlight, size);
				this.tickets = Arrays.copyOf(this.tickets, size);
				this.held = Arrays.copyOf(this.held, size);
			}
			this.lanes++;
		}

		void release(int lane, Release outcome, int ticketsPerLane) {
			if (this.inFlight[lane] > 0) {
				this.inFlight[lane]--;
			}
			switch (outcome) {
				case REUSABLE -> {
					this.held[lane] = REUSABLE;
					this.tickets[lane] = 0;
				}
				case TICKET -> {
					this.held[lane] = TICKETS;
					this.tickets[lane] = Math.min(ticketsPerLane, this.tickets[lane] + 1);
				}
				case NOTHING -> {
					// a failed or ticketless connection says nothing about what the lane
					// holds
				}
			}
		}

		void forget() {
			Arrays.fill(this.held, EMPTY);
			Arrays.fill(this.tickets, 0);
		}

	}

}
