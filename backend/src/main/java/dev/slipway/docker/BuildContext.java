package dev.slipway.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A small in-memory docker build context: the files of a recipe folder on the classpath plus
 * generated files. Its digest identifies the recipe, so an image is rebuilt only when it changes.
 */
public final class BuildContext {

	private final Map<String, byte[]> files = new TreeMap<>();

	/** The files under {@code classpath:<folder>/}, keyed by their path inside the folder. */
	public static BuildContext fromClasspath(String folder) {
		BuildContext context = new BuildContext();
		String marker = folder.endsWith("/") ? folder : folder + "/";
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + marker + "**")) {
				String url = resource.getURL().toString();
				if (!resource.isReadable() || url.endsWith("/")) {
					continue;
				}
				String path = url.substring(url.lastIndexOf(marker) + marker.length());
				try (var in = resource.getInputStream()) {
					context.files.putIfAbsent(path, in.readAllBytes());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the recipe " + folder + " from the classpath", ex);
		}
		if (context.files.isEmpty()) {
			throw new IllegalArgumentException("No recipe at classpath:" + folder);
		}
		return context;
	}

	public BuildContext with(String path, byte[] content) {
		files.put(path, content);
		return this;
	}

	/** A SHA-256 over every file and the given extra inputs (base image ids, for instance). */
	public String digest(String... extraInputs) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			files.forEach((path, content) -> {
				sha.update(path.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
				sha.update(content);
				sha.update((byte) 0);
			});
			for (String input : extraInputs) {
				sha.update(input.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public byte[] tar() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
			tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
				entry.setSize(file.getValue().length);
				entry.setMode(isScript(file.getValue()) ? 0100755 : 0100644);
				tar.putArchiveEntry(entry);
				tar.write(file.getValue());
				tar.closeArchiveEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static boolean isScript(byte[] content) {
		return content.length > 2 && content[0] == '#' && content[1] == '!';
	}

}
