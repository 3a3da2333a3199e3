package dev.slipway.git;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import dev.slipway.builds.SourceTree;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** A pushed commit read straight from the app's bare repository. */
final class GitSourceTree implements SourceTree {

	/** Fixed timestamps keep Docker's layer cache independent of when a file was committed. */
	private static final Date MODIFIED = new Date(946_684_800_000L);

	private static final long MAX_READ_BYTES = 10L * 1024 * 1024;

	private final Repository repository;

	private final RevCommit commit;

	private Set<String> files;

	GitSourceTree(Repository repository, ObjectId commitId) throws IOException {
		this.repository = repository;
		try (RevWalk walk = new RevWalk(repository)) {
			this.commit = walk.parseCommit(commitId);
		}
	}

	@Override
	public String commit() {
		return commit.name();
	}

	@Override
	public synchronized List<String> files() {
		if (files == null) {
			Set<String> paths = new LinkedHashSet<>();
			try (TreeWalk walk = walk()) {
				while (walk.next()) {
					if (isFile(walk.getFileMode(0))) {
						paths.add(walk.getPathString());
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			files = paths;
		}
		return new ArrayList<>(files);
	}

	@Override
	public boolean exists(String path) {
		files();
		return files.contains(path);
	}

	@Override
	public Optional<String> read(String path) {
		try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
			if (walk == null || !isFile(walk.getFileMode(0))) {
				return Optional.empty();
			}
			ObjectLoader loader = repository.open(walk.getObjectId(0));
			if (loader.getSize() > MAX_READ_BYTES) {
				return Optional.empty();
			}
			return Optional.of(new String(loader.getBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void writeTar(OutputStream out, Predicate<String> include, Map<String, byte[]> extraFiles) throws IOException {
		TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
		tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
		tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
		try (TreeWalk walk = walk()) {
			while (walk.next()) {
				FileMode mode = walk.getFileMode(0);
				String path = walk.getPathString();
				if (!isFile(mode) || !include.test(path) || extraFiles.containsKey(path)) {
					continue;
				}
				ObjectLoader loader = repository.open(walk.getObjectId(0));
				TarArchiveEntry entry;
				if (mode == FileMode.SYMLINK) {
					entry = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
					entry.setLinkName(new String(loader.getBytes(), StandardCharsets.UTF_8));
				}
				else {
					entry = new TarArchiveEntry(path);
					entry.setMode(mode == FileMode.EXECUTABLE_FILE ? 0100755 : 0100644);
					entry.setSize(loader.getSize());
				}
				entry.setModTime(MODIFIED);
				tar.putArchiveEntry(entry);
				if (mode != FileMode.SYMLINK) {
					loader.copyTo(tar);
				}
				tar.closeArchiveEntry();
			}
		}
		for (Map.Entry<String, byte[]> extra : extraFiles.entrySet()) {
			TarArchiveEntry entry = new TarArchiveEntry(extra.getKey());
			entry.setMode(0100644);
			entry.setSize(extra.getValue().length);
			entry.setModTime(MODIFIED);
			tar.putArchiveEntry(entry);
			tar.write(extra.getValue());
			tar.closeArchiveEntry();
		}
		tar.finish();
	}

	private TreeWalk walk() throws IOException {
		TreeWalk walk = new TreeWalk(repository);
		walk.addTree(commit.getTree());
		walk.setRecursive(true);
		return walk;
	}

	private static boolean isFile(FileMode mode) {
		return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE || mode == FileMode.SYMLINK;
	}

}
