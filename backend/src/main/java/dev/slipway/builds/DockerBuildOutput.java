package dev.slipway.builds;

import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.progress.Progress;

/**
 * Docker's build output in the push's style: each Dockerfile step becomes a step header, command
 * output becomes detail lines, cache hits say so, and Docker's bookkeeping lines are left out. For
 * generated Dockerfiles the plumbing steps (ARG, ENV, WORKDIR, …) are left out too. Docker sends
 * step headers and command output alike, so a header counts only when it names the step after the
 * last one: a command that prints {@code Step 2/3 : …} stays command output, which
 * {@link BuildOutputCap} bounds.
 */
final class DockerBuildOutput implements Consumer<String> {

	private static final Pattern STEP = Pattern.compile("^Step ((\\d{1,6})/\\d{1,6}) : (\\S+)(.*)$");

	private static final Pattern BOOKKEEPING = Pattern
		.compile("^( ---> (Running in [0-9a-f]+|[0-9a-f]{12})|Removing intermediate container .*|Successfully (built|tagged) .*)$");

	private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

	private static final Set<String> SHOWN_WHEN_GENERATED = Set.of("FROM", "RUN", "COPY");

	private static final int MAX_STEP_LENGTH = 140;

	private final Progress log;

	private final boolean ownDockerfile;

	private boolean showingStep = true;

	private int lastStep;

	DockerBuildOutput(Progress log, boolean ownDockerfile) {
		this.log = log;
		this.ownDockerfile = ownDockerfile;
	}

	@Override
	public void accept(String raw) {
		String line = ANSI_ESCAPE.matcher(raw).replaceAll("");
		Matcher step = STEP.matcher(line);
		if (step.matches() && Integer.parseInt(step.group(2)) == lastStep + 1) {
			lastStep++;
			String instruction = step.group(3).toUpperCase();
			// Slipway's own labels come last as steps of their own; they say nothing to the user.
			boolean slipwayLabel = instruction.equals("LABEL") && step.group(4).strip().startsWith("dev.slipway.");
			showingStep = !slipwayLabel && (ownDockerfile || SHOWN_WHEN_GENERATED.contains(instruction));
			if (showingStep) {
				String text = "Step " + step.group(1) + ": " + instruction + step.group(4);
				log.step(text.length() > MAX_STEP_LENGTH ? text.substring(0, MAX_STEP_LENGTH - 1) + "…" : text);
			}
		}
		else if (line.equals(" ---> Using cache")) {
			if (showingStep) {
				log.detail("Using cache");
			}
		}
		else if (!BOOKKEEPING.matcher(line).matches()) {
			log.detail(line);
		}
	}

}
