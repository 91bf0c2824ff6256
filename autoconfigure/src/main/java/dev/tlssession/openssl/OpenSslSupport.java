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

package dev.tlssession.openssl;

import java.lang.reflect.Field;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.internal.tcnative.SSLContext;
import io.netty.internal.tcnative.SSLSessionCache;
import io.netty.util.Version;
import org.jspecify.annotations.Nullable;

/**
 * Whether the starter can own the session store of a BoringSSL client context, and the
 * one call that installs it.
 * <p>
 * Netty offers no public hook for a client session cache, so the store is installed on
 * the context's native handle, read from {@code ReferenceCountedOpenSslContext.ctx}. That
 * field holds tcnative's context pointer, which is what
 * {@link SSLContext#setSSLSessionCache} expects; {@code sslCtxPointer()} returns the raw
 * {@code SSL_CTX*} instead and must never be used for it.
 *
 * @since 0.1.0
 */
public final class OpenSslSupport {

	/**
	 * The field of {@code ReferenceCountedOpenSslContext} that holds tcnative's context
	 * pointer, read by reflection (and so registered as a runtime hint for ahead-of-time
	 * processing).
	 */
	public static final String CTX_FIELD_NAME = "ctx";

	private static final Availability AVAILABILITY = detect(CTX_FIELD_NAME);

	private static final @Nullable Field CTX_FIELD = AVAILABILITY.ctxField;

	private static final @Nullable String UNAVAILABLE_REASON = AVAILABILITY.reason;

	private OpenSslSupport() {
	}

	/**
	 * Whether the OpenSSL provider can be used.
	 * @return {@code true} if BoringSSL is loaded and its context handle is accessible
	 */
	public static boolean isAvailable() {
		return CTX_FIELD != null;
	}

	/**
	 * Why the OpenSSL provider cannot be used.
	 * @return the reason, or {@code null} when it can
	 */
	public static @Nullable String unavailabilityCause() {
		return UNAVAILABLE_REASON;
	}

	/**
	 * Whether the OpenSSL provider can be used and, if not, why.
	 * @return the availability, found once per class loader
	 */
	public static Availability availability() {
		return AVAILABILITY;
	}

	/**
	 * Finds the context handle field. Package-private so that a test can name a field
	 * that does not exist, as a Netty whose internals changed would present itself.
	 * @param ctxFieldName the name of the field holding tcnative's context pointer
	 * @return the availability
	 */
	static Availability detect(String ctxFieldName) {
		try {
			if (!OpenSsl.isAvailable()) {
				Throwable cause = OpenSsl.unavailabilityCause();
				return new Availability(null,
						"netty-tcnative is not available" + ((cause != null)
								? " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")" : ""),
						false);
			}
			if (!OpenSsl.versionString().contains("BoringSSL")) {
				return new Availability(null, "the native library is " + OpenSsl.versionString() + ", not BoringSSL",
						false);
			}
		}
		catch (RuntimeException | LinkageError ex) {
			return new Availability(null, "netty-tcnative cannot be loaded (" + ex + ")", false);
		}
		try {
			Field field = ReferenceCountedOpenSslContext.class.getDeclaredField(ctxFieldName);
			if (field.getType() != long.class) {
				return incompatible("its field '" + ctxFieldName + "' is a " + field.getType().getName()
						+ ", not the long native handle");
			}
			field.setAccessible(true);
			return new Availability(field, null, false);
		}
		catch (NoSuchFieldException ex) {
			return incompatible("ReferenceCountedOpenSslContext has no field '" + ctxFieldName + "'");
		}
		catch (RuntimeException | LinkageError ex) {
			return incompatible("its native context handle is not accessible (" + ex + ")");
		}
	}

	private static Availability incompatible(String detail) {
		return new Availability(null, "Netty " + nettyVersion() + " is not one the OpenSSL bridge supports: " + detail,
				true);
	}

	/**
	 * The version of Netty's {@code netty-handler}, which holds the OpenSSL classes.
	 * @return the version, such as {@code 4.2.18.Final}, or {@code unknown}
	 */
	public static String nettyVersion() {
		Version version = Version.identify(ReferenceCountedOpenSslContext.class.getClassLoader()).get("netty-handler");
		return (version != null) ? version.artifactVersion() : "unknown";
	}

	/**
	 * Replaces the context's session-cache callback. Must be called before the context
	 * makes its first engine.
	 * @param context a freshly built OpenSSL client context
	 * @param cache the callback
	 */
	static void installSessionCache(SslContext context, SSLSessionCache cache) {
		if (CTX_FIELD == null || !(context instanceof ReferenceCountedOpenSslContext)) {
			throw new IllegalStateException("OpenSSL session store cannot be installed: "
					+ ((UNAVAILABLE_REASON != null) ? UNAVAILABLE_REASON : "not an OpenSSL context"));
		}
		try {
			long ctx = CTX_FIELD.getLong(context);
			SSLContext.setSSLSessionCache(ctx, cache);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("OpenSSL session store cannot be installed", ex);
		}
	}

	/**
	 * Whether the OpenSSL provider can be used and, if not, why.
	 */
	public static final class Availability {

		private final @Nullable Field ctxField;

		private final @Nullable String reason;

		private final boolean nettyIncompatible;

		private Availability(@Nullable Field ctxField, @Nullable String reason, boolean nettyIncompatible) {
			this.ctxField = ctxField;
			this.reason = reason;
			this.nettyIncompatible = nettyIncompatible;
		}

		/**
		 * Whether the OpenSSL provider can be used.
		 * @return {@code true} if BoringSSL is loaded and its context handle is
		 * accessible
		 */
		public boolean isAvailable() {
			return this.ctxField != null;
		}

		/**
		 * Why the OpenSSL provider cannot be used.
		 * @return the reason, or {@code null} when it can
		 */
		public @Nullable String reason() {
			return this.reason;
		}

		/**
		 * Whether BoringSSL loads but Netty's internals are not what the bridge expects
		 * (a Netty version it does not support), as opposed to a missing native library.
		 * @return {@code true} if the Netty version is the cause
		 */
		public boolean isNettyIncompatible() {
			return this.nettyIncompatible;
		}

	}

}
