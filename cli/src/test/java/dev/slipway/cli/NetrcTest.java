package dev.slipway.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class NetrcTest {

	@TempDir
	Path home;

	@Test
	void putKeepsOtherHostsAndReplacesItsOwn() throws Exception {
		Path file = home.resolve(".netrc");
		Files.writeString(file, "machine github.com login me password gh1\nmachine slipway.test login old password t0\n"
				+ "default login anonymous password x\n");
		Netrc netrc = new Netrc(file);

		netrc.put("slipway.test", "dev@example.com", "t1");

		assertThat(netrc.find("slipway.test")).hasValueSatisfying(entry -> {
			assertThat(entry.login()).isEqualTo("dev@example.com");
			assertThat(entry.password()).isEqualTo("t1");
		});
		assertThat(netrc.find("github.com").orElseThrow().password()).isEqualTo("gh1");
		assertThat(Files.readString(file)).contains("default login anonymous password x").doesNotContain("t0");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void readsEntriesOnOneLineAndQuotedValues() {
		assertThat(Netrc.entries("machine a login x password \"p w\" machine b login y password q"))
			.extracting(Netrc.Entry::machine, Netrc.Entry::password)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a", "p w"), org.assertj.core.groups.Tuple.tuple("b", "q"));
	}

	@Test
	void removeLeavesTheOthers() throws Exception {
		Path file = home.resolve(".netrc");
		Netrc netrc = new Netrc(file);
		netrc.put("a.test", "x", "1");
		netrc.put("b.test", "y", "2");

		assertThat(netrc.remove("a.test")).isTrue();
		assertThat(netrc.remove("a.test")).isFalse();

		assertThat(netrc.find("a.test")).isEmpty();
		assertThat(netrc.find("b.test").orElseThrow().password()).isEqualTo("2");
	}

	@Test
	void aLinkedNetrcStaysALink() throws Exception {
		Path target = Files.createDirectories(home.resolve("dotfiles")).resolve("netrc");
		Files.writeString(target, "machine github.com login me password gh1\n");
		Path link = Files.createSymbolicLink(home.resolve(".netrc"), target);

		new Netrc(link).put("slipway.test", "dev@example.com", "t1");

		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(Files.readString(target)).contains("machine github.com").contains("machine slipway.test");
	}

}
