package dev.slipway.git;

import dev.slipway.apps.App;
import dev.slipway.identity.UserPrincipal;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/** JGit's receiving end of a push to an app, the same over HTTP and SSH: its limits and the deploy hook. */
@Component
class AppReceivePacks {

	private final PushPipeline pipeline;

	private final RepositoryLimits limits;

	private final GitSettings settings;

	private final TaskExecutor executor;

	AppReceivePacks(PushPipeline pipeline, RepositoryLimits limits, GitSettings settings,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		this.pipeline = pipeline;
		this.limits = limits;
		this.settings = settings;
		this.executor = executor;
	}

	/** A push by {@code user}, who may push to {@code app}, into the app's repository. */
	ReceivePack create(App app, UserPrincipal user, Repository repository) {
		ReceivePack receivePack = new ReceivePack(repository);
		receivePack.setAllowNonFastForwards(true);
		receivePack.setAllowDeletes(true);
		receivePack.setMaxPackSizeLimit(settings.maxPackSize().toBytes());
		receivePack.setMaxObjectSizeLimit(settings.maxObjectSize().toBytes());
		receivePack.setRefLogIdent(new PersonIdent(user.email(), user.email()));
		receivePack.setPreReceiveHook(new DeployHook(app, user, pipeline, limits, executor));
		return receivePack;
	}

}
