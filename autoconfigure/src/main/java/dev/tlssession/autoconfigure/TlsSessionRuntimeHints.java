package dev.tlssession.autoconfigure;

import dev.tlssession.openssl.OpenSslSupport;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The reflection the OpenSSL bridge needs after ahead-of-time processing: it reads Netty's native context handle,
 * {@code ReferenceCountedOpenSslContext.ctx}, because Netty has no public hook for a client session cache.
 */
final class TlsSessionRuntimeHints implements RuntimeHintsRegistrar {

	static final String OPENSSL_CONTEXT = "io.netty.handler.ssl.ReferenceCountedOpenSslContext";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection()
			.registerTypeIfPresent(classLoader, OPENSSL_CONTEXT,
					(type) -> type.withField(OpenSslSupport.CTX_FIELD_NAME));
	}

}
