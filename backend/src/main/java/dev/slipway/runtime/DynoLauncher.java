package dev.slipway.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.slipway.docker.ContainerLogs;
import dev.slipway.docker.DockerClients;
import dev.slipway.logs.AppLogs;
import dev.slipway.router.RouterSettings;
import dev.slipway.runtime.DynoStates.TrackedDyno;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Starts dynos and retires them. New web dynos must pass the boot check before they count; old
 * dynos get SIGTERM, the stop timeout, then SIGKILL, in the background.
 */
@Component
class DynoLauncher {

	private static final Logger log = LoggerFactory.getLogger(DynoLauncher.class);

	private final DynoContainers containers;

	private final DynoStates states;

	private final BootCheck bootCheck;

	private final DockerClients docker;

	private final RouterSettings router;

	private final AppLogs logs;

	private final TaskExecutor executor;

	DynoLauncher(DynoContainers containers, DynoStates states, BootCheck bootCheck, DockerClients docker,
			RouterSettings router, AppLogs logs, @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		this.containers = containers;
		this.states = states;
		this.bootCheck = bootCheck;
		this.docker = docker;
		this.router = router;
		this.logs = logs;
		this.executor = executor;
	}

	/**
	 * Starts the dynos {@code <type>.<index>} of a release. Web dynos are waited for until up; if one
	 * is not, all just started are removed and {@link DeployFailed} says why, with its last output.
	 */
	List<TrackedDyno> launch(DeploySpec spec, String processType, List<Integer> indexes, DynoSize size) {
		List<TrackedDyno> started = start(spec, processType, indexes, size);
		if (!processType.equals(ProcessType.WEB)) {
			started.forEach(states::up);
			return started;
		}
		awaitBoot(spec, started);
		return started;
	}

	/** Creates and starts the dynos; web dynos must then pass {@link #awaitBoot}. */
	List<TrackedDyno> start(DeploySpec spec, String processType, List<Integer> indexes, DynoSize size) {
		List<TrackedDyno> started = new ArrayList<>();
		boolean web = processType.equals(ProcessType.WEB);
		for (int index : indexes) {
			String id = containers.create(spec, processType, index, size, web);
			String command = spec.command(processType);
			logs.platform(spec.appId(), processType + "." + index,
					"Starting process with command `" + (command != null ? command : "(the image's own)") + "`");
			TrackedDyno dyno = states.track(containers.inspect(id), DynoState.STARTING);
			started.add(dyno);
			containers.start(id);
		}
		return started;
	}

	/**
	 * Waits for just started web dynos to come up; if one does not, all of them are removed and
	 * {@link DeployFailed} says why, with its last output.
	 */
	void awaitBoot(DeploySpec spec, List<TrackedDyno> started) {
		List<CompletableFuture<BootOutcome>> checks = started.stream()
			.map(dyno -> CompletableFuture.supplyAsync(() -> awaitUp(spec, dyno), executor))
			.toList();
		for (int i = 0; i < started.size(); i++) {
			if (checks.get(i).join() instanceof BootOutcome.Failed problem) {
				TrackedDyno failed = started.get(i);
				String output = String.join("\n", lastOutput(failed));
				started.forEach(dyno -> {
					states.retiring(dyno);
					containers.remove(dyno.containerId);
					states.forget(dyno.containerId);
				});
				throw new DeployFailed(failed.name() + " of v" + spec.version() + " did not start: " + problem.reason()
						+ (output.isBlank() ? "." : ". Its last output:\n" + output));
			}
		}
	}

	/**
	 * Waits for a web dyno to come up and marks it so, from then on restarted by Docker when it
	 * exits.
	 */
	BootOutcome awaitUp(DeploySpec spec, TrackedDyno dyno) {
		BootOutcome outcome = bootCheck.await(dyno.containerId, spec.healthCheck(),
				spec.appName() + "." + router.baseDomain(), spec.bootTimeout());
		if (outcome instanceof BootOutcome.Failed) {
			return outcome;
		}
		containers.restartOnExit(dyno.containerId);
		// An exit between the check and the new policy would otherwise leave it down for good.
		InspectContainerResponse container = containers.inspect(dyno.containerId);
		if (container == null) {
			return new BootOutcome.Failed("its container disappeared");
		}
		if (!Boolean.TRUE.equals(container.getState().getRunning())) {
			return BootCheck.crashed(container);
		}
		states.upAt(dyno, containers.address(container));
		return BootOutcome.UP;
	}

	/** The end of what a dyno wrote, repeats folded, so a loop of the same error does not fill the push. */
	private List<String> lastOutput(TrackedDyno dyno) {
		List<String> folded = ContainerLogs.fold(ContainerLogs.tail(docker, dyno.containerId, 100));
		return folded.subList(Math.max(0, folded.size() - 20), folded.size());
	}

	/** Stops dynos in the background: marked stopping at once, so no route points at them any more. */
	void retire(List<TrackedDyno> dynos) {
		for (TrackedDyno dyno : dynos) {
			states.stopping(dyno);
			executor.execute(() -> {
				try {
					containers.stopAndRemove(dyno.containerId);
				}
				catch (RuntimeException ex) {
					log.warn("Stopping {} of {} failed: {}", dyno.name(), dyno.app, ex.getMessage());
				}
			});
		}
	}

}
