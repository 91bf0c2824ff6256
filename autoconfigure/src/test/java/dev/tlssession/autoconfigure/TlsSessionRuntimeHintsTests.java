package dev.tlssession.autoconfigure;

import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TlsSessionRuntimeHints}.
 */
class TlsSessionRuntimeHintsTests {

	@Test
	void registersTheNativeContextHandleFieldForReflection() {
		RuntimeHints hints = new RuntimeHints();
		new TlsSessionRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(ReferenceCountedOpenSslContext.class, "ctx"))
			.accepts(hints);
	}

	@Test
	void registersNothingWithoutNetty() {
		RuntimeHints hints = new RuntimeHints();
		new TlsSessionRuntimeHints().registerHints(hints, new ClassLoader(null) {
		});
		assertThat(hints.reflection().typeHints()).isEmpty();
	}

	@Test
	void isRegisteredInAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(TlsSessionRuntimeHints.class);
	}

}
