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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks a deployed bundle (java .ci/ReleaseCheck.java target/staging) the way Maven Central's rules that need no
 * key do: every published artifact has its POM, jar, sources jar and javadoc jar; every POM has the elements
 * Central requires and none of the build-only parts; modules that are not published are absent. Signatures are
 * not checked here (no key on CI): the release profile signs with maven-gpg-plugin unless -Dgpg.skip.
 */
public class ReleaseCheck {

	static final String GROUP_PATH = "dev/tlssession";

	static final List<String> PUBLISHED = List.of("tls-session-spring-boot-autoconfigure",
			"tls-session-spring-boot-starter", "tls-session-spring-boot-test");

	static final List<String> NOT_PUBLISHED = List.of("tls-session-spring-boot-parent", "tls-session-sample-app",
			"tls-session-sample-gateway", "tls-session-benchmarks");

	static final List<String> REQUIRED = List.of("modelVersion", "groupId", "artifactId", "version", "name",
			"description", "url", "licenses/license/name", "licenses/license/url", "developers/developer/name",
			"scm/url", "scm/connection");

	static final List<String> BUILD_ONLY = List.of("parent", "build", "dependencyManagement", "profiles",
			"repositories", "pluginRepositories", "modules", "properties");

	static final List<String> problems = new ArrayList<>();

	public static void main(String[] args) throws Exception {
		Path staging = Path.of(args.length > 0 ? args[0] : "target/staging").resolve(GROUP_PATH);
		for (String artifact : PUBLISHED) {
			checkArtifact(staging.resolve(artifact));
		}
		for (String artifact : NOT_PUBLISHED) {
			if (Files.exists(staging.resolve(artifact))) {
				problems.add(artifact + " is in the bundle but is not meant to be published");
			}
		}
		if (!problems.isEmpty()) {
			problems.forEach((problem) -> System.err.println("release-check: " + problem));
			System.exit(1);
		}
		System.out.println("release-check: " + PUBLISHED + " each have pom, jar, sources and javadoc; their POMs"
				+ " have name, description, url, licenses, developers and scm, and no build-only parts; "
				+ NOT_PUBLISHED + " are not published");
	}

	static void checkArtifact(Path directory) throws Exception {
		if (!Files.isDirectory(directory)) {
			problems.add(directory.getFileName() + " is missing");
			return;
		}
		List<Path> files;
		try (Stream<Path> found = Files.walk(directory)) {
			files = found.filter(Files::isRegularFile).toList();
		}
		Path pom = one(files, directory, ".pom");
		Path jar = one(files, directory, ".jar");
		Path sources = one(files, directory, "-sources.jar");
		Path javadoc = one(files, directory, "-javadoc.jar");
		if (pom != null) {
			checkPom(directory.getFileName().toString(), pom);
		}
		for (Path archive : new Path[] { jar, sources, javadoc }) {
			if (archive != null) {
				checkArchive(archive);
			}
		}
		if (sources != null && hasJavaCode(jar) && !contains(sources, ".java")) {
			problems.add(sources.getFileName() + " has no sources");
		}
		if (javadoc != null && hasJavaCode(jar) && !contains(javadoc, "index.html")) {
			problems.add(javadoc.getFileName() + " has no index.html");
		}
	}

	static Path one(List<Path> files, Path directory, String suffix) {
		List<Path> matching = files.stream().map(Path::toString).filter((name) -> name.endsWith(suffix))
			.filter((name) -> !suffix.equals(".jar") || !(name.endsWith("-sources.jar") || name.endsWith("-javadoc.jar")))
			.map(Path::of)
			.toList();
		if (matching.size() != 1) {
			problems.add(directory.getFileName() + ": expected one *" + suffix + ", found " + matching.size());
			return null;
		}
		return matching.get(0);
	}

	static void checkPom(String artifact, Path pom) throws Exception {
		String text = Files.readString(pom);
		if (text.contains("${")) {
			problems.add(artifact + ": POM has an unresolved ${...} expression");
		}
		Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
			.getDocumentElement();
		for (String path : REQUIRED) {
			String value = text(project, path);
			if (value == null || value.isBlank()) {
				problems.add(artifact + ": POM lacks " + path);
			}
		}
		for (String element : BUILD_ONLY) {
			if (child(project, element) != null) {
				problems.add(artifact + ": POM has <" + element + ">, a build-only part");
			}
		}
		Element dependencies = child(project, "dependencies");
		if (dependencies != null) {
			NodeList list = dependencies.getElementsByTagName("dependency");
			for (int i = 0; i < list.getLength(); i++) {
				Element dependency = (Element) list.item(i);
				String name = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
				if (text(dependency, "version") == null) {
					problems.add(artifact + ": dependency " + name + " has no version");
				}
				if ("test".equals(text(dependency, "scope"))) {
					problems.add(artifact + ": test dependency " + name + " is in the published POM");
				}
			}
		}
	}

	static void checkArchive(Path archive) throws IOException {
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			if (zip.size() == 0) {
				problems.add(archive.getFileName() + " is empty");
			}
		}
	}

	static boolean hasJavaCode(Path jar) throws IOException {
		return jar != null && contains(jar, ".class");
	}

	static boolean contains(Path archive, String suffix) throws IOException {
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			return zip.stream().anyMatch((entry) -> entry.getName().endsWith(suffix));
		}
	}

	static String text(Element element, String path) {
		Element current = element;
		for (String name : path.split("/")) {
			current = child(current, name);
			if (current == null) {
				return null;
			}
		}
		return current.getTextContent().trim();
	}

	static Element child(Element element, String name) {
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element child && child.getTagName().equals(name)) {
				return child;
			}
		}
		return null;
	}

}
