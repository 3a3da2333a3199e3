package dev.slipway.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageUsersTest {

	@Test
	void imagesWithoutUserOrWithRootRunAsRoot() {
		assertThat(ImageUsers.namesRoot(null)).isTrue();
		assertThat(ImageUsers.namesRoot("")).isTrue();
		assertThat(ImageUsers.namesRoot("root")).isTrue();
		assertThat(ImageUsers.namesRoot("0:0")).isTrue();
		assertThat(ImageUsers.namesRoot("000")).isTrue();
		assertThat(ImageUsers.namesRoot("root:staff")).isTrue();
		assertThat(ImageUsers.namesRoot("app")).isFalse();
		assertThat(ImageUsers.namesRoot("1000:1000")).isFalse();
	}

	@Test
	void aNameIsRootWhenThePasswdFileGivesItUidZeroOrDoesNotKnowIt() {
		String passwd = """
				root:x:0:0:root:/root:/bin/bash
				app:x:1000:1000::/app:/bin/sh
				toor:x:0:0::/root:/bin/sh
				""";
		assertThat(ImageUsers.uidZero(passwd, "app")).isFalse();
		assertThat(ImageUsers.uidZero(passwd, "toor")).isTrue();
		assertThat(ImageUsers.uidZero(passwd, "nobody-here")).isTrue();
		assertThat(ImageUsers.uidZero("broken line\n", "app")).isTrue();
	}

}
