package dev.slipway.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * A release as the runtime runs it: the image, the command of each process type (an empty command
 * runs the image's own, for apps built from their own Dockerfile), the environment, how to tell a
 * web dyno is up, the memory defaults its dynos get per size (null for none), whether a buildpack
 * built the image (the app at /app, bash on the stack; not an app's own Dockerfile), and the
 * quantities of process types the app has not run before (from app.json).
 */
public record DeploySpec(long appId, String appName, int version, String image, Map<String, String> processTypes,
		Map<String, String> env, Duration bootTimeout, HealthCheck healthCheck, MemoryDefaults memoryDefaults,
		boolean builtByBuildpack, Map<String, Integer> initialFormation) {

	public DeploySpec {
		processTypes = Map.copyOf(processTypes);
		env = Map.copyOf(env);
		initialFormation = Map.copyOf(initialFormation);
	}

	/** Without the environment: its values are secrets and must not reach Slipway's own logs. */
	@Override
	public String toString() {
		return "DeploySpec[" + appName + " v" + version + ", " + image + ", " + processTypes.keySet() + ", env keys "
				+ env.keySet() + "]";
	}

	public boolean runs(String processType) {
		return processTypes.containsKey(processType);
	}

	/** The command of a process type; null when it runs the image's own command. */
	public String command(String processType) {
		String command = processTypes.get(processType);
		return command == null || command.isBlank() ? null : command;
	}

}
