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

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Records every blocking call BlockHound catches on a non-blocking thread (a Netty event
 * loop), besides throwing it where it happened: a call on an event loop may be swallowed
 * there, the record is checked after every test by {@link SafetyChecks}.
 */
public final class BlockingCalls implements BlockHoundIntegration {

	private static final List<String> CAUGHT = new CopyOnWriteArrayList<>();

	@Override
	public void applyTo(BlockHound.Builder builder) {
		// Netty's adaptive allocator takes a lock to free a magazine it replaces when
		// contended; Netty's own integration does not list it yet (4.2.15)
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
				"tryExpandMagazines");
		// the JDK's own session lock, which a flush on another thread (invalidating the
		// session) may hold for a moment while the engine sizes its buffers: SunJSSE has
		// no other way to invalidate a session
		builder.allowBlockingCallsInside("sun.security.ssl.SSLSessionImpl", "getPacketBufferSize");
		builder.allowBlockingCallsInside("sun.security.ssl.SSLSessionImpl", "getApplicationBufferSize");
		// the tests' loopback resolver (LoopbackResolver) reads the hosts file with the
		// JDK on the event loop, and since Java 21 the JDK's name service cache takes a
		// lock that concurrent lookups of one name wait on; the starter itself never
		// resolves names
		builder.allowBlockingCallsInside("io.netty.resolver.DefaultNameResolver", "doResolve");
		builder.allowBlockingCallsInside("io.netty.resolver.DefaultNameResolver", "doResolveAll");
		builder.blockingMethodCallback((method) -> {
			BlockingOperationError error = new BlockingOperationError(method);
			CAUGHT.add(method + " on " + Thread.currentThread().getName() + "\n" + stack(error));
			throw error;
		});
	}

	@Override
	public int compareTo(BlockHoundIntegration other) {
		// applied last, so that this callback is the one that stays
		return 1;
	}

	private static String stack(Throwable error) {
		StringBuilder stack = new StringBuilder();
		StackTraceElement[] frames = error.getStackTrace();
		for (int i = 0; i < Math.min(frames.length, 30); i++) {
			stack.append("\tat ").append(frames[i]).append('\n');
		}
		return stack.toString();
	}

	/**
	 * The blocking calls caught so far.
	 * @return their descriptions
	 */
	public static List<String> caught() {
		return List.copyOf(CAUGHT);
	}

}
