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

import io.netty.buffer.ByteBuf;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's leak checks rest on Netty using the recorder at the paranoid level: if the
 * build's system properties stopped installing it, every leak check would pass unseen.
 */
class RecordingLeakDetectorTests {

	@Test
	void nettyCreatesTheRecorderForEveryResourceTypeAtTheParanoidLevel() {
		ResourceLeakDetector<ByteBuf> detector = ResourceLeakDetectorFactory.instance()
			.newResourceLeakDetector(ByteBuf.class);
		assertThat(detector).isInstanceOf(RecordingLeakDetector.class);
		assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
	}

}
