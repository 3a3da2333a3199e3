package dev.slipway.instance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What makes one Slipway installation: its name (prefix of every Docker resource it owns,
 * so two installations or a test run can share one Docker Engine), its data directory, and
 * the extra CA bundle that images built here trust.
 */
@ConfigurationProperties("slipway")
public record InstanceSettings(
		@DefaultValue("slipway") String name,
		@DefaultValue("${user.home}/.slipway") Path dataDir,
		String extraCaFile) {

	public InstanceSettings {
		if (!name.matches("[a-z][a-z0-9-]{0,30}")) {
			throw new IllegalArgumentException("slipway.name must match [a-z][a-z0-9-]{0,30}, was '" + name + "'");
		}
	}

	/** The PEM bundle of extra CA certificates images trust, if one is configured. */
	public Optional<Path> extraCa() {
		return extraCaFile == null || extraCaFile.isBlank() ? Optional.empty() : Optional.of(Path.of(extraCaFile));
	}

	/** The name of a Docker resource (container, volume, network) this installation owns. */
	public String resourceName(String suffix) {
		return name + "-" + suffix;
	}

	/** A file in the data directory, creating the directory, only its owner may enter, on first use. */
	public Path dataFile(String fileName) {
		try {
			Files.createDirectories(dataDir, OwnerOnly.DIRECTORY);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + dataDir, ex);
		}
		return dataDir.resolve(fileName);
	}

	/**
	 * A secret kept in the data directory: read when the file exists, otherwise made by
	 * {@code generate} and written to a file only its owner can read, from the moment it exists.
	 */
	public String secret(String fileName, Supplier<String> generate) {
		Path file = dataFile(fileName);
		try {
			if (Files.exists(file)) {
				return Files.readString(file).strip();
			}
			String secret = generate.get();
			Files.createFile(file, OwnerOnly.FILE);
			Files.writeString(file, secret + "\n");
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep a secret in " + file, ex);
		}
	}

}
