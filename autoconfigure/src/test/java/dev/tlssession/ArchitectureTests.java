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

package dev.tlssession;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture the package list promises, checked on the compiled main classes: a
 * Spring-free core, provider bridges that know nothing of auto-configuration, Actuator
 * and health code apart from the core it reports on, and no package that depends on
 * itself through another.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.tlssession");

	private static final String[] CORE = { "dev.tlssession", "dev.tlssession.index..", "dev.tlssession.cache..",
			"dev.tlssession.openssl..", "dev.tlssession.jdk..", "dev.tlssession.netty..", "dev.tlssession.reactor..",
			"dev.tlssession.routing..", "dev.tlssession.metrics.." };

	@Test
	void theCoreImportsNothingFromSpring() {
		noClasses().that()
			.resideInAnyPackage(CORE)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..")
			.check(MAIN);
	}

	@Test
	void nothingButAutoConfigurationImportsAutoConfiguration() {
		noClasses().that()
			.resideOutsideOfPackage("dev.tlssession.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.tlssession.autoconfigure..")
			.check(MAIN);
	}

	@Test
	void providerBridgesDoNotKnowEachOther() {
		noClasses().that()
			.resideInAPackage("dev.tlssession.openssl..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.tlssession.jdk..")
			.check(MAIN);
		noClasses().that()
			.resideInAPackage("dev.tlssession.jdk..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.tlssession.openssl..")
			.check(MAIN);
	}

	@Test
	void theCoreDoesNotKnowTheActuatorOrHealthPackages() {
		noClasses().that()
			.resideInAnyPackage(CORE)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.tlssession.actuate..", "dev.tlssession.health..")
			.check(MAIN);
	}

	@Test
	void noPackageCycles() {
		slices().assignedFrom(new EachPackage()).should().beFreeOfCycles().check(MAIN);
	}

	/**
	 * Every package is a slice, the root package included.
	 */
	private static final class EachPackage implements SliceAssignment {

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			return javaClass.getPackageName().startsWith("dev.tlssession")
					? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
		}

		@Override
		public String getDescription() {
			return "every package of dev.tlssession";
		}

	}

}
