package dev.slipway.git;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import dev.slipway.apps.App;
import dev.slipway.errors.SizeLimitedRequest;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceiveCommand;

import org.springframework.stereotype.Component;

/**
 * An app's repository stays within {@code slipway.git.max-repository-size} and keeps at most
 * {@code slipway.git.max-refs} branches and tags besides the deploy branch. A push's upload is cut off
 * once it would grow the repository past the limit, so a refused push leaves at most a little on disk;
 * before any ref moves, a push that left the repository over a limit is refused with the reason.
 */
@Component
class RepositoryLimits {

	/** Room for a push's ref commands, so that deleting branches works even in a repository at its limit. */
	static final long COMMANDS_ROOM = 64 * 1024;

	private final AppRepositories repositories;

	private final GitSettings settings;

	RepositoryLimits(AppRepositories repositories, GitSettings settings) {
		this.repositories = repositories;
		this.settings = settings;
	}

	/** The push request, its upload cut off once it would take the app's repository past the limit. */
	HttpServletRequest bounded(HttpServletRequest request, App app) {
		long size = repositories.size(app.name());
		long room = Math.max(0, settings.maxRepositorySize().toBytes() - size) + COMMANDS_ROOM;
		return new SizeLimitedRequest(request, room, () -> new IOException(tooLarge(app, size)));
	}

	/** A push's stream over SSH, cut off as {@link #bounded(HttpServletRequest, App)} cuts off an upload. */
	InputStream bounded(InputStream in, App app) {
		long size = repositories.size(app.name());
		return new Room(in, Math.max(0, settings.maxRepositorySize().toBytes() - size) + COMMANDS_ROOM,
				tooLarge(app, size));
	}

	/** Why the push cannot go on, once its objects are in: empty when it stays within the limits. */
	Optional<String> refusal(App app, Repository repository, Collection<ReceiveCommand> commands) throws IOException {
		if (commands.stream().allMatch(command -> command.getType() == ReceiveCommand.Type.DELETE)) {
			return Optional.empty();
		}
		long size = repositories.size(app.name());
		if (size > settings.maxRepositorySize().toBytes()) {
			return Optional.of(tooLarge(app, size));
		}
		long refs = repository.getRefDatabase()
			.getRefsByPrefix(Constants.R_REFS)
			.stream()
			.filter(ref -> !DeployHook.isDeployBranch(ref.getName()))
			.count();
		for (ReceiveCommand command : commands) {
			if (!DeployHook.isDeployBranch(command.getRefName())) {
				refs += switch (command.getType()) {
					case CREATE -> 1;
					case DELETE -> -1;
					default -> 0;
				};
			}
		}
		if (refs > settings.maxRefs()) {
			return Optional.of("The app " + app.name() + " would have " + refs + " branches and tags besides main and "
					+ "master; Slipway keeps at most " + settings.maxRefs() + " per app (SLIPWAY_GIT_MAX_REFS). Delete the "
					+ "ones you no longer need (git push <remote> --delete <branch>), then push again.");
		}
		return Optional.empty();
	}

	private String tooLarge(App app, long size) {
		return "This push would make the repository of " + app.name() + " larger than Slipway's limit of "
				+ megabytes(settings.maxRepositorySize().toBytes()) + " per app (SLIPWAY_GIT_MAX_REPOSITORY_SIZE); "
				+ "it holds " + megabytes(size) + " now. Keep build artefacts and large files out of the repository, "
				+ "or delete branches and tags you no longer need.";
	}

	static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	/** Reads until {@code room} bytes have come, then fails with the reason. */
	private static final class Room extends FilterInputStream {

		private final String reason;

		private long room;

		Room(InputStream in, long room, String reason) {
			super(in);
			this.room = room;
			this.reason = reason;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				take(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				take(n);
			}
			return n;
		}

		private void take(int n) throws IOException {
			room -= n;
			if (room < 0) {
				throw new IOException(reason);
			}
		}

	}

}
