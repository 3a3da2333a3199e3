package dev.slipway.config;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.slipway.errors.SlipwayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DotEnvTest {

	static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----\n";

	@Test
	void writesAndReadsBackEveryValueExactly() {
		Map<String, String> config = new LinkedHashMap<>();
		config.put("TRICKY", "a=b#c \"q\" $HOME  trailing-space ");
		config.put("PEM", PEM);
		config.put("UNICODE", "héllo wörld ✓ 日本");
		config.put("EMPTY", "");
		config.put("PLAIN", "postgres://u:p@h:5432/db?sslmode=require");
		config.put("BACKSLASH", "C:\\path\\n not a newline");
		config.put("TAB", "a\tb\r\n");
		assertThat(DotEnv.parse(DotEnv.format(config))).containsExactlyEntriesOf(config);
		assertThat(DotEnv.format(Map.of("PLAIN", "abc123"))).isEqualTo("PLAIN=abc123\n");
	}

	@Test
	void readsTheFormsPeopleWrite() {
		Map<String, String> config = DotEnv.parse("""
				# comments and blank lines are skipped

				export A=1
				B = spaced
				C='single $quoted \\n kept'
				D="multi
				line"
				E=rest of the line # is the value
				""");
		assertThat(config).containsEntry("A", "1")
			.containsEntry("B", " spaced")
			.containsEntry("C", "single $quoted \\n kept")
			.containsEntry("D", "multi\nline")
			.containsEntry("E", "rest of the line # is the value");
	}

	@Test
	void namesTheLineOfAMistake() {
		assertThatThrownBy(() -> DotEnv.parse("A=1\nnot a pair\n")).isInstanceOf(SlipwayException.class)
			.hasMessageContaining("Line 2");
		assertThatThrownBy(() -> DotEnv.parse("A=\"open\nB=2\n")).hasMessageContaining("no closing \"");
		assertThatThrownBy(() -> DotEnv.parse("1BAD=x\n")).hasMessageContaining("'1BAD' is not a valid config var key");
	}

}
