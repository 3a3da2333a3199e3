package dev.slipway.git;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.slipway.apps.AppDeleted;
import dev.slipway.apps.AppService;
import dev.slipway.instance.InstanceSettings;
import dev.slipway.instance.OwnerOnly;
import dev.slipway.releases.ReleasesRecovered;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.FileSystemUtils;

/**
 * One bare repository per app under {@code <data-dir>/git/}. Pushes never garbage-collect (that
 * would slow the push); a nightly job does.
 */
@Component
class AppRepositories {

	private static final Logger log = LoggerFactory.getLogger(AppRepositories.class);

	private final Path root;

	private final AppService apps;

	AppRepositories(InstanceSettings instance, AppService apps) {
		this.apps = apps;
		this.root = instance.dataFile("git");
		// JGit measures the file system's timestamp resolution on ForkJoinPool's common pool and, unless
		// told to measure in the background, waits for it without a limit: a busy common pool (one
		// worker on a 2-core host) would hang every push. In the background it uses safe defaults meanwhile.
		FS.FileStoreAttributes.setBackground(true);
	}

	/** The app's repository, created on first use; the caller closes it. */
	Repository open(String appName) throws IOException {
		File directory = directory(appName).toFile();
		Repository repository = FileRepositoryBuilder.create(directory);
		if (!repository.getObjectDatabase().exists()) {
			repository.create(true);
			StoredConfig config = repository.getConfig();
			config.setBoolean(ConfigConstants.CONFIG_RECEIVE_SECTION, null, ConfigConstants.CONFIG_KEY_AUTOGC, false);
			config.setString(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_LOGALLREFUPDATES,
					"true");
			config.save();
			// JGit writes with the umask; the data directory is for Slipway's user only.
			OwnerOnly.tighten(directory.toPath());
		}
		return repository;
	}

	/** Once the deletion has committed: a deletion that rolls back keeps the app's history. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void appDeleted(AppDeleted event) {
		try {
			FileSystemUtils.deleteRecursively(directory(event.name()));
		}
		catch (IOException ex) {
			// The deletion has committed; failing its request now would undo nothing.
			log.warn("Cannot delete the repository of the deleted app {}: {}", event.name(), ex.getMessage());
		}
	}

	/** At start: the repositories of apps whose deletion a stop of Slipway interrupted after it committed. */
	@EventListener
	void releasesRecovered(ReleasesRecovered event) throws IOException {
		if (!Files.isDirectory(root)) {
			return;
		}
		Set<String> kept = apps.all().stream().map(app -> app.name() + ".git").collect(Collectors.toSet());
		try (Stream<Path> repositories = Files.list(root)) {
			for (Path directory : repositories.filter(path -> path.toString().endsWith(".git")).toList()) {
				if (!kept.contains(directory.getFileName().toString())) {
					log.info("Removing the repository {} of a deleted app", directory);
					FileSystemUtils.deleteRecursively(directory);
				}
			}
		}
	}

	/** Bytes the app's repository takes on disk; 0 before its first push. */
	long size(String appName) {
		Path directory = directory(appName);
		if (!Files.isDirectory(directory)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).mapToLong(AppRepositories::sizeOf).sum();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot measure the repository of " + appName, ex);
		}
	}

	/** A file that went away meanwhile (a ref lock, say) counts as nothing. */
	private static long sizeOf(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	@Scheduled(cron = "${slipway.git.gc-cron:0 30 3 * * *}")
	void collectGarbage() throws IOException {
		if (!Files.isDirectory(root)) {
			return;
		}
		try (Stream<Path> repositories = Files.list(root)) {
			for (Path directory : repositories.filter(path -> path.toString().endsWith(".git")).toList()) {
				try (Repository repository = FileRepositoryBuilder.create(directory.toFile()); Git git = Git.wrap(repository)) {
					git.gc().call();
				}
				catch (Exception ex) {
					log.warn("Garbage collection of {} failed: {}", directory, ex.getMessage());
				}
			}
		}
	}

	private Path directory(String appName) {
		return root.resolve(appName + ".git");
	}

}
