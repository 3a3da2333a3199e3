package dev.slipway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.slipway.test.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's ./mvnw finds a JDK 21 or newer by itself: JAVA_HOME, then java on PATH, then the
 * newest JDK (with javac) in the search directories; with none it prints one line naming what to
 * install. Runs the real script against fake JDKs whose java prints its version, or, when Maven
 * starts it, its own path, so {@code ./mvnw --version} shows which JDK was chosen and ends at once.
 */
class MvnwJdkTest {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	@TempDir
	Path temp;

	@Test
	void takesTheNewestJdk21InTheSearchDirectoriesWhenJavaHomeIsUnsetAndPathJavaIsOld() throws Exception {
		Path jdks = temp.resolve("jvm");
		Path jdk17 = fakeJdk(jdks.resolve("java-17"), "17", true);
		fakeJdk(jdks.resolve("java-8"), "1.8", true);
		Path jdk21 = fakeJdk(jdks.resolve("jdk-21"), "21", true);
		fakeJdk(jdks.resolve("jre-25"), "25", false);
		Command.Result result = mvnw(null, jdk17.resolve("bin"), jdks.toString());
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("FAKE-JAVA " + jdk21.resolve("bin/java"));
	}

	@Test
	void replacesAnOldJavaHome() throws Exception {
		Path jdks = temp.resolve("jvm");
		Path jdk17 = fakeJdk(jdks.resolve("java-17"), "17", true);
		Path jdk21 = fakeJdk(jdks.resolve("java-21"), "21", true);
		Path jdk22 = fakeJdk(temp.resolve("elsewhere/jdk-22"), "22", true);
		Command.Result result = mvnw(jdk17, jdk17.resolve("bin"), jdks + ":" + jdk22.getParent());
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("FAKE-JAVA " + jdk22.resolve("bin/java"))
			.contains("JAVA_HOME (" + jdk17 + ") is not a JDK 21+");
		assertThat(result.output()).doesNotContain("FAKE-JAVA " + jdk21.resolve("bin/java"));
	}

	@Test
	void keepsAJavaHomeThatIsNewEnough() throws Exception {
		Path jdk21 = fakeJdk(temp.resolve("home/jdk-21"), "21", true);
		Path jdk25 = fakeJdk(temp.resolve("jvm/jdk-25"), "25", true);
		Command.Result result = mvnw(jdk21, jdk25.resolve("bin"), jdk25.getParent().toString());
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("FAKE-JAVA " + jdk21.resolve("bin/java")).doesNotContain("is not a JDK 21+");
	}

	@Test
	void takesJavaOnPathWhenItIsNewEnough() throws Exception {
		Path jdk23 = fakeJdk(temp.resolve("opt/jdk-23"), "23", true);
		Files.createDirectories(temp.resolve("empty"));
		Command.Result result = mvnw(null, jdk23.resolve("bin"), temp.resolve("empty").toString());
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("FAKE-JAVA " + jdk23.resolve("bin/java"));
	}

	@Test
	void namesWhatToInstallWhenNoJdkIsNewEnough() throws Exception {
		Path jdks = temp.resolve("jvm");
		Path jdk17 = fakeJdk(jdks.resolve("java-17"), "17", true);
		fakeJdk(jdks.resolve("java-8"), "1.8", true);
		fakeJdk(jdks.resolve("jre-21"), "21", false);
		Command.Result result = mvnw(jdk17, jdk17.resolve("bin"), jdks.toString());
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output().strip().lines()).as(result.output()).hasSize(1);
		assertThat(result.output()).startsWith("Slipway needs JDK 21 or newer")
			.contains("sudo apt-get install -y openjdk-21-jdk-headless", "JAVA_HOME")
			.doesNotContain("FAKE-JAVA");
	}

	@Test
	void printsTheJdkItChoseWithoutStartingMavenForTheRunScript() throws Exception {
		Path jdks = temp.resolve("jvm");
		Path jdk17 = fakeJdk(jdks.resolve("java-17"), "17", true);
		Path jdk25 = fakeJdk(jdks.resolve("jdk-25"), "25", true);
		Command.Result result = mvnw(null, jdk17.resolve("bin"), jdks.toString(), "--print-java-home");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output().strip()).isEqualTo(jdk25.toString());
	}

	/** A JDK home whose java prints the given java.specification.version, as the real one does. */
	private static Path fakeJdk(Path home, String version, boolean withJavac) throws IOException {
		Path bin = Files.createDirectories(home.resolve("bin"));
		String java = """
				#!/bin/sh
				case "$*" in
				  *-XshowSettings:properties*) echo "    java.specification.version = %s" >&2; exit 0 ;;
				esac
				echo "FAKE-JAVA $0"
				""".formatted(version);
		executable(bin.resolve("java"), java);
		if (withJavac) {
			executable(bin.resolve("javac"), "#!/bin/sh\necho javac " + version + "\n");
		}
		return home;
	}

	private static void executable(Path file, String content) throws IOException {
		Files.writeString(file, content, StandardCharsets.UTF_8);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	/** Runs ./mvnw --version with JAVA_HOME (or none), a PATH whose java is the given one, and the search directories. */
	private Command.Result mvnw(Path javaHome, Path javaOnPath, String searchDirs) {
		return mvnw(javaHome, javaOnPath, searchDirs, "--version");
	}

	private Command.Result mvnw(Path javaHome, Path javaOnPath, String searchDirs, String argument) {
		return Command.run(List.of(REPOSITORY.resolve("mvnw").toString(), argument), REPOSITORY, environment -> {
			Map<String, String> kept = new HashMap<>();
			for (String name : List.of("HOME", "MAVEN_USER_HOME", "LANG")) {
				if (environment.containsKey(name)) {
					kept.put(name, environment.get(name));
				}
			}
			environment.clear();
			environment.putAll(kept);
			environment.put("PATH", javaOnPath + ":/usr/local/bin:/usr/bin:/bin");
			environment.put("SLIPWAY_JDK_SEARCH_DIRS", searchDirs);
			if (javaHome != null) {
				environment.put("JAVA_HOME", javaHome.toString());
			}
		}, Duration.ofSeconds(60), line -> {
		});
	}

}
