package dev.slipway.instance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Permissions of what Slipway keeps on disk: apps' source, secrets and keys are for the user Slipway runs
 * as only (directories 0700, files 0600), whatever the umask of the shell that started it.
 */
public final class OwnerOnly {

	static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

	/** For {@link Files#createDirectories}: directories only their owner may enter. */
	public static final FileAttribute<Set<PosixFilePermission>> DIRECTORY = PosixFilePermissions
		.asFileAttribute(DIRECTORY_PERMISSIONS);

	/** For {@link Files#createFile}: files only their owner may read. */
	public static final FileAttribute<Set<PosixFilePermission>> FILE = PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS);

	private OwnerOnly() {
	}

	/**
	 * Takes every permission of group and others from a tree: what libraries wrote with the umask (JGit's
	 * repositories, say) and what an older Slipway left. Symbolic links are neither changed nor followed.
	 */
	public static void tighten(Path tree) {
		if (!Files.exists(tree)) {
			return;
		}
		try {
			Files.walkFileTree(tree, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
					Files.setPosixFilePermissions(directory, DIRECTORY_PERMISSIONS);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					if (attributes.isRegularFile()) {
						Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
						permissions.retainAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
								PosixFilePermission.OWNER_EXECUTE));
						Files.setPosixFilePermissions(file, permissions);
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make " + tree + " readable by its owner only: " + ex.getMessage(), ex);
		}
	}

}
