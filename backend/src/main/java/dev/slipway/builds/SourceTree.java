package dev.slipway.builds;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The pushed commit's files, read straight from the repository: no working-tree checkout. */
public interface SourceTree {

	/** The commit's full SHA. */
	String commit();

	/** Every file path in the commit, with forward slashes, relative to its root. */
	List<String> files();

	default boolean exists(String path) {
		return files().contains(path);
	}

	/** Whether any file lies under {@code folder}. */
	default boolean hasFolder(String folder) {
		String prefix = folder.endsWith("/") ? folder : folder + "/";
		return files().stream().anyMatch(file -> file.startsWith(prefix));
	}

	/** A file's content as UTF-8 text. */
	Optional<String> read(String path);

	/**
	 * Writes the files {@code include} accepts as a tar, plus {@code extraFiles} (generated ones),
	 * with modes from the commit and fixed timestamps so unchanged files keep Docker's layer cache.
	 */
	void writeTar(OutputStream out, Predicate<String> include, Map<String, byte[]> extraFiles) throws IOException;

}
