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

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import org.jspecify.annotations.Nullable;

/**
 * The JDK's per-connection key-exchange groups, {@code SSLParameters.setNamedGroups} and
 * {@code getNamedGroups}, which Java 20 added; the starter is built for Java 17, so they
 * are looked up once.
 */
final class JdkNamedGroups {

	private static final @Nullable MethodHandle GET = handle("getNamedGroups", MethodType.methodType(String[].class));

	private static final @Nullable MethodHandle SET = handle("setNamedGroups",
			MethodType.methodType(void.class, String[].class));

	private JdkNamedGroups() {
	}

	private static @Nullable MethodHandle handle(String name, MethodType type) {
		try {
			return MethodHandles.publicLookup().findVirtual(SSLParameters.class, name, type);
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

	/**
	 * Whether this JVM lets a connection choose its groups.
	 * @return {@code true} on Java 20 and later
	 */
	static boolean available() {
		return GET != null && SET != null;
	}

	/**
	 * The groups a context supports.
	 * @param parameters the context's supported parameters
	 * @return the group names, empty when unknown
	 */
	static List<String> supported(SSLParameters parameters) {
		String[] groups = (GET != null) ? (String[]) invoke(GET, parameters, null) : null;
		return (groups != null) ? List.of(groups) : List.of();
	}

	/**
	 * Makes an engine offer only these groups, in this order.
	 * @param engine the engine, before its handshake
	 * @param groups the group names
	 */
	static void apply(SSLEngine engine, String[] groups) {
		if (SET == null) {
			throw new IllegalStateException("SSLParameters.setNamedGroups needs Java 20 or later");
		}
		SSLParameters parameters = engine.getSSLParameters();
		invoke(SET, parameters, groups.clone());
		engine.setSSLParameters(parameters);
	}

	private static @Nullable Object invoke(MethodHandle handle, SSLParameters parameters, String @Nullable [] groups) {
		try {
			return (groups != null) ? handle.invoke(parameters, groups) : handle.invoke(parameters);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

}
