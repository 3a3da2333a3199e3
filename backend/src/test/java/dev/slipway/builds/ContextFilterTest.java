package dev.slipway.builds;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContextFilterTest {

	@Test
	void dockerignoreExcludesMatchesAndTheirContentsWithExceptions() {
		Predicate<String> include = ContextFilter.dockerignore("""
				# comment
				node_modules
				*.log
				/secrets/
				docs/**/*.md
				!docs/keep/README.md
				""");
		assertThat(include.test("node_modules/ms/index.js")).isFalse();
		assertThat(include.test("debug.log")).isFalse();
		assertThat(include.test("src/debug.log")).isTrue();
		assertThat(include.test("secrets/key.pem")).isFalse();
		assertThat(include.test("docs/a/b/guide.md")).isFalse();
		assertThat(include.test("docs/keep/README.md")).isTrue();
		assertThat(include.test("src/index.js")).isTrue();
	}

	@Test
	void dockerfileAndDockerignoreAlwaysReachTheBuilder() {
		Predicate<String> include = ContextFilter.dockerignore("*\n");
		assertThat(include.test("Dockerfile")).isTrue();
		assertThat(include.test(".dockerignore")).isTrue();
		assertThat(include.test("app.js")).isFalse();
	}

	@Test
	void slugignoreUsesGitignorePatterns() {
		Predicate<String> include = ContextFilter.slugignore("*.psd\n/test\ndocs/\n");
		assertThat(include.test("art/logo.psd")).isFalse();
		assertThat(include.test("test/app_test.py")).isFalse();
		assertThat(include.test("src/test/keep.py")).isTrue();
		assertThat(include.test("docs/index.md")).isFalse();
		assertThat(include.test("app.py")).isTrue();
	}

	@Test
	void choosesTheIgnoreFileByKindOfBuild() {
		SourceTree source = InMemorySourceTree.of(".dockerignore", "a.txt", ".slugignore", "b.txt", "a.txt", "",
				"b.txt", "");
		Buildpack ownDockerfile = new Buildpack("dockerfile", "Dockerfile", 10, List.of("Dockerfile"),
				List.of(), false, Map.of(), null);
		Buildpack generated = new Buildpack("static", "Static", 90, List.of("index.html"), List.of(),
				false, Map.of(), "FROM {{stack}}");
		assertThat(ContextFilter.forBuild(ownDockerfile, source).test("a.txt")).isFalse();
		assertThat(ContextFilter.forBuild(ownDockerfile, source).test("b.txt")).isTrue();
		assertThat(ContextFilter.forBuild(generated, source).test("a.txt")).isTrue();
		assertThat(ContextFilter.forBuild(generated, source).test("b.txt")).isFalse();
	}

}
