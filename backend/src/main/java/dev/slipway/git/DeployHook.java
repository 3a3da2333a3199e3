package dev.slipway.git;

import java.io.IOException;
import java.util.Collection;
import java.util.Optional;

import dev.slipway.apps.App;
import dev.slipway.identity.UserPrincipal;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

import org.springframework.core.task.TaskExecutor;

/**
 * Runs the deploy inside the push, before the branch moves: a push to main or master deploys and is
 * refused if the deploy fails, so the branch keeps pointing at what runs. Other refs are stored.
 */
final class DeployHook implements PreReceiveHook {

	static final String DECLINED = "pre-receive hook declined";

	private final App app;

	private final UserPrincipal user;

	private final PushPipeline pipeline;

	private final RepositoryLimits limits;

	private final TaskExecutor executor;

	DeployHook(App app, UserPrincipal user, PushPipeline pipeline, RepositoryLimits limits, TaskExecutor executor) {
		this.app = app;
		this.user = user;
		this.pipeline = pipeline;
		this.limits = limits;
		this.executor = executor;
	}

	@Override
	public void onPreReceive(ReceivePack receivePack, Collection<ReceiveCommand> commands) {
		PushOutput output = new PushOutput(receivePack, executor);
		if (overLimits(receivePack, commands, output)) {
			return;
		}
		boolean deployed = false;
		for (ReceiveCommand command : commands) {
			String ref = command.getRefName();
			if (command.getType() == ReceiveCommand.Type.DELETE) {
				output.step("Deleted " + describe(ref) + "; what runs stays as it is.");
				continue;
			}
			if (!isDeployBranch(ref)) {
				output.step("Stored " + describe(ref) + " without deploying: only pushes to main or master deploy.");
				continue;
			}
			if (deployed) {
				output.step("Stored " + describe(ref) + " without deploying: this push deployed another branch already.");
				continue;
			}
			deployed = true;
			boolean succeeded = output.stream(log -> pipeline.deploy(app, user, receivePack, command, log));
			if (!succeeded && command.getResult() == ReceiveCommand.Result.NOT_ATTEMPTED) {
				command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, DECLINED);
			}
		}
	}

	/** Refuses every command of a push that leaves the repository over a limit; deleting refs is always allowed. */
	private boolean overLimits(ReceivePack receivePack, Collection<ReceiveCommand> commands, PushOutput output) {
		Optional<String> refusal;
		try {
			refusal = limits.refusal(app, receivePack.getRepository(), commands);
		}
		catch (IOException ex) {
			refusal = Optional.of("Reading the repository of " + app.name() + " failed: " + ex.getMessage());
		}
		refusal.ifPresent(reason -> {
			output.error(reason);
			commands.forEach(command -> command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, DECLINED));
		});
		return refusal.isPresent();
	}

	static boolean isDeployBranch(String ref) {
		return ref.equals(Constants.R_HEADS + "main") || ref.equals(Constants.R_HEADS + "master");
	}

	private static String describe(String ref) {
		if (ref.startsWith(Constants.R_HEADS)) {
			return "branch " + ref.substring(Constants.R_HEADS.length());
		}
		if (ref.startsWith(Constants.R_TAGS)) {
			return "tag " + ref.substring(Constants.R_TAGS.length());
		}
		return ref;
	}

}
