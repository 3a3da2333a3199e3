package dev.slipway.git;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import dev.slipway.apps.App;
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
		return new HttpServletRequestWrapper(request) {

			private ServletInputStream bounded;

			@Override
			public ServletInputStream getInputStream() throws IOException {
				if (bounded == null) {
					bounded = new BoundedInput(request.getInputStream(), room, tooLarge(app, size));
				}
				return bounded;
			}

		};
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

	/** Counts what the client sends and fails the read that goes past the room, once; later reads pass. */
	private static final class BoundedInput extends ServletInputStream {

		private final ServletInputStream in;

		private final String tooLarge;

		private long room;

		private boolean failed;

		BoundedInput(ServletInputStream in, long room, String tooLarge) {
			this.in = in;
			this.room = room;
			this.tooLarge = tooLarge;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		/**
		 * Fails once, so that JGit stops storing the pack and reports why; it then reads the rest of the
		 * request away (discarding it), which lets the client see the answer instead of a broken pipe.
		 */
		private void count(int n) throws IOException {
			room -= n;
			if (room < 0 && !failed) {
				failed = true;
				throw new IOException(tooLarge);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
