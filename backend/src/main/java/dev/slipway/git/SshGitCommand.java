package dev.slipway.git;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;
import org.apache.sshd.server.command.AbstractCommandSupport;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.UploadPack;

/**
 * One command over SSH: {@code git-receive-pack '<app>.git'} (a push, with the same limits and
 * deploy hook as over HTTP) or {@code git-upload-pack '<app>.git'} (a fetch or clone), for a user who
 * may push to the app. Anything else is refused with what to type instead.
 */
final class SshGitCommand extends AbstractCommandSupport {

	/** What git sends for {@code ssh://host/<app>.git} and for {@code host:<app>.git}. */
	private static final Pattern GIT_COMMAND = Pattern
		.compile("^git[- ](receive-pack|upload-pack) '?/?([^/'\\s]+?)(?:\\.git)?/?'?$");

	private final AppService apps;

	private final AppRepositories repositories;

	private final RepositoryLimits limits;

	private final AppReceivePacks receivePacks;

	SshGitCommand(String command, AppService apps, AppRepositories repositories, RepositoryLimits limits,
			AppReceivePacks receivePacks) {
		super(command, null);
		this.apps = apps;
		this.repositories = repositories;
		this.limits = limits;
		this.receivePacks = receivePacks;
	}

	@Override
	public void run() {
		UserPrincipal user = getServerSession().getAttribute(SshGitServer.USER);
		Matcher command = GIT_COMMAND.matcher(getCommand());
		if (user == null || !command.matches()) {
			String port = getServerSession().getLocalAddress() instanceof InetSocketAddress local
					? ":" + local.getPort() : "";
			fail("Slipway's SSH server takes git pushes and fetches only, such as: git push ssh://git@<slipway host>"
					+ port + "/<app>.git main");
			return;
		}
		App app;
		try {
			app = apps.require(command.group(2), user);
		}
		catch (SlipwayException ex) {
			fail(ex.getMessage() + (ex.kind() == SlipwayException.Kind.NOT_FOUND
					? " Create it on the dashboard, with 'slipway apps:create' or with POST /api/apps first." : ""));
			return;
		}
		try (Repository repository = repositories.open(app.name())) {
			if (command.group(1).equals("receive-pack")) {
				receivePacks.create(app, user, repository)
					.receive(limits.bounded(getInputStream(), app), getOutputStream(), getErrorStream());
			}
			else {
				new UploadPack(repository).upload(getInputStream(), getOutputStream(), getErrorStream());
			}
			getOutputStream().flush();
			getErrorStream().flush();
			onExit(0);
		}
		catch (IOException ex) {
			fail("The " + (command.group(1).equals("receive-pack") ? "push to " : "fetch from ") + app.name()
					+ " failed: " + ex.getMessage());
		}
	}

	/** What git prints as the reason, then exit status 1. */
	private void fail(String message) {
		try {
			OutputStream err = getErrorStream();
			err.write((message + "\n").getBytes(StandardCharsets.UTF_8));
			err.flush();
		}
		catch (IOException ignored) {
			// The client went away; there is nobody left to tell.
		}
		onExit(1, message);
	}

}
