package dev.slipway.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class GitRemotesTest {

	@TempDir
	Path directory;

	@Test
	void onlyRemotesAtAnAppsGitUrlOnThisSlipwayNameAnApp() throws Exception {
		git("init", "-q");
		GitRemotes remotes = new GitRemotes(directory);
		assertThat(remotes.set("slipway", URI.create("https://slipway.example.com/git/shop.git"))).isTrue();
		assertThat(remotes.set("staging", URI.create("http://127.0.0.1:8080/git/shop-staging.git"))).isTrue();
		assertThat(remotes.set("origin", URI.create("https://github.example/me/shop.git"))).isTrue();
		assertThat(remotes.set("other", URI.create("https://elsewhere.example.com/git/theirs.git"))).isTrue();

		assertThat(remotes.apps(Set.of("slipway.example.com", "127.0.0.1")))
			.containsExactlyInAnyOrderEntriesOf(Map.of("slipway", "shop", "staging", "shop-staging"));

		assertThat(remotes.set("slipway", URI.create("https://slipway.example.com/git/shop-2.git"))).isTrue();
		assertThat(remotes.apps(Set.of("slipway.example.com"))).containsEntry("slipway", "shop-2").hasSize(1);
	}

	@Test
	void outsideARepositoryThereAreNone() {
		GitRemotes remotes = new GitRemotes(directory);
		assertThat(remotes.remotes()).isEmpty();
		assertThat(remotes.set("slipway", URI.create("https://slipway.example.com/git/shop.git"))).isFalse();
	}

	private void git(String... arguments) throws IOException, InterruptedException {
		String[] command = new String[arguments.length + 1];
		command[0] = "git";
		System.arraycopy(arguments, 0, command, 1, arguments.length);
		assertThat(new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start().waitFor()).isZero();
	}

}
