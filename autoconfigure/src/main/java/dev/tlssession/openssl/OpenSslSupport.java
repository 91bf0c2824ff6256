package dev.tlssession.openssl;

import java.lang.reflect.Field;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.internal.tcnative.SSLContext;
import io.netty.internal.tcnative.SSLSessionCache;
import org.jspecify.annotations.Nullable;

/**
 * Whether the starter can own the session store of a BoringSSL client context, and the one call that installs it.
 * <p>
 * Netty offers no public hook for a client session cache, so the store is installed on the context's native
 * handle, read from {@code ReferenceCountedOpenSslContext.ctx}. That field holds tcnative's context pointer, which
 * is what {@link SSLContext#setSSLSessionCache} expects; {@code sslCtxPointer()} returns the raw {@code SSL_CTX*}
 * instead and must never be used for it.
 */
public final class OpenSslSupport {

	private static final @Nullable Field CTX_FIELD;

	private static final @Nullable String UNAVAILABLE_REASON;

	static {
		Field field = null;
		String reason = null;
		try {
			if (!OpenSsl.isAvailable()) {
				Throwable cause = OpenSsl.unavailabilityCause();
				reason = "netty-tcnative is not available"
						+ ((cause != null) ? " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")"
								: "");
			}
			else if (!OpenSsl.versionString().contains("BoringSSL")) {
				reason = "the native library is " + OpenSsl.versionString() + ", not BoringSSL";
			}
			else {
				field = ReferenceCountedOpenSslContext.class.getDeclaredField("ctx");
				field.setAccessible(true);
			}
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			field = null;
			reason = "Netty's native context handle is not accessible (" + ex + ")";
		}
		CTX_FIELD = field;
		UNAVAILABLE_REASON = reason;
	}

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
	 * Replaces the context's session-cache callback. Must be called before the context makes its first engine.
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

}
