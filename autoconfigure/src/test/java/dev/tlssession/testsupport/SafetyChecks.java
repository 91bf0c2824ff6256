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

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applied to every test of the module (registered through {@code META-INF/services} with
 * extension auto-detection): a test fails when BlockHound caught a blocking call on an
 * event loop while it ran, and a test class fails when Netty reported a leaked buffer or
 * context after it (leaks show after a collection, so one is forced and a buffer
 * allocated to let the detectors report).
 */
public final class SafetyChecks implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SafetyChecks.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getStore(NAMESPACE).put("leaks", RecordingLeakDetector.reported().size());
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		context.getStore(NAMESPACE).put("blocking", BlockingCalls.caught().size());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		int before = context.getStore(NAMESPACE).get("blocking", Integer.class);
		List<String> caught = BlockingCalls.caught();
		assertThat(caught.subList(before, caught.size())).as("blocking calls on event loops").isEmpty();
	}

	@Override
	public void afterAll(ExtensionContext context) throws InterruptedException {
		for (int i = 0; i < 2; i++) {
			System.gc();
			Thread.sleep(20);
			for (ByteBufAllocator allocator : List.of(PooledByteBufAllocator.DEFAULT,
					UnpooledByteBufAllocator.DEFAULT)) {
				allocator.directBuffer(1).release();
				allocator.heapBuffer(1).release();
			}
		}
		int before = context.getStore(NAMESPACE).get("leaks", Integer.class);
		List<String> reported = RecordingLeakDetector.reported();
		assertThat(reported.subList(before, reported.size())).as("Netty leak reports").isEmpty();
	}

}
