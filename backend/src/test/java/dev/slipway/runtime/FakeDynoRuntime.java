package dev.slipway.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.slipway.apps.App;
import dev.slipway.errors.SlipwayException;
import dev.slipway.progress.Progress;

/**
 * A {@link DynoRuntime} without Docker, for tests of what sits above the runtime: dynos are entries
 * in memory, up as soon as they are started; one-off and release phase commands run in a local
 * shell. Passes {@link DynoRuntimeContract} like the real one.
 */
public class FakeDynoRuntime implements DynoRuntime {

	private final Map<Long, DeploySpec> deployed = new ConcurrentHashMap<>();

	private final Map<Long, Map<String, Formation>> formations = new ConcurrentHashMap<>();

	private final Map<Long, List<Dyno>> dynos = new ConcurrentHashMap<>();

	private final AtomicInteger oneOffs = new AtomicInteger();

	@Override
	public void runReleasePhase(DeploySpec release, Progress progress) {
		String command = release.command(ProcessType.RELEASE);
		if (command != null && run(release, command, progress::detail, Duration.ofMinutes(1)) != 0) {
			throw new DeployFailed("The release phase failed; v" + release.version() + " is not deployed.");
		}
	}

	/** As the Docker runtime plans it: web gets one dyno on a first deploy, other new types none. */
	@Override
	public synchronized void deploy(DeploySpec release, Progress progress) {
		Map<String, Formation> formation = formations.computeIfAbsent(release.appId(), id -> new TreeMap<>());
		boolean first = formation.isEmpty();
		for (String type : release.processTypes().keySet()) {
			if (!type.equals(ProcessType.RELEASE) && !formation.containsKey(type)) {
				int quantity = release.initialFormation()
					.getOrDefault(type, first && type.equals(ProcessType.WEB) ? 1 : 0);
				formation.put(type, new Formation(release.appId(), type, quantity, DynoSize.STANDARD_1X));
			}
		}
		deployed.put(release.appId(), release);
		dynos.put(release.appId(), start(release, formation));
		progress.step("Released v" + release.version() + " to the fake runtime");
	}

	@Override
	public synchronized void restart(App app) {
		DeploySpec release = deployed(app);
		dynos.put(app.id(), start(release, formations.get(app.id())));
	}

	@Override
	public List<Formation> formation(App app) {
		return List.copyOf(formations.getOrDefault(app.id(), Map.of()).values());
	}

	@Override
	public synchronized List<Formation> scale(App app, List<FormationUpdate> updates, String author) {
		Map<String, Formation> formation = formations.getOrDefault(app.id(), Map.of());
		for (FormationUpdate update : updates) {
			if (!formation.containsKey(update.type())) {
				throw SlipwayException.notFound("unknown_process_type",
						app.name() + " has no process type '" + update.type() + "'");
			}
		}
		for (FormationUpdate update : updates) {
			Formation type = formation.get(update.type());
			type.scale(update.quantity() != null ? update.quantity() : type.quantity(),
					update.size() != null ? DynoSize.of(update.size()).orElseThrow() : type.size());
		}
		if (deployed.containsKey(app.id())) {
			dynos.put(app.id(), start(deployed.get(app.id()), formation));
		}
		return formation(app);
	}

	@Override
	public List<Dyno> dynos(App app) {
		return dynos.getOrDefault(app.id(), List.of());
	}

	@Override
	public int runAttached(App app, String command, Consumer<String> output, Duration timeout) {
		return run(deployed(app), command, output, timeout);
	}

	private static int run(DeploySpec release, String command, Consumer<String> output, Duration timeout) {
		Process process = shell(release, command);
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			lines.lines().forEach(output);
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new DeployFailed("The command did not finish within " + timeout.toMinutes() + " min and was stopped.");
			}
			return process.exitValue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeployFailed("The command was interrupted.");
		}
	}

	/** Runs the command in a local shell without a TTY (output and errors merged), whatever was asked. */
	@Override
	public InteractiveDyno runInteractive(App app, String command, TerminalSize terminal, String term,
			InteractiveOutput output) {
		Process process = shell(deployed(app), command);
		String dyno = "run." + oneOffs.incrementAndGet();
		Thread.ofVirtual().start(() -> {
			try (var out = process.getInputStream()) {
				byte[] buffer = new byte[8192];
				for (int read; (read = out.read(buffer)) >= 0;) {
					output.stdout(ByteBuffer.wrap(buffer, 0, read));
				}
				output.exited(process.waitFor());
			}
			catch (IOException ex) {
				output.failed(ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				output.failed("interrupted");
			}
		});
		return new InteractiveDyno() {
			@Override
			public String dyno() {
				return dyno;
			}

			@Override
			public void write(ByteBuffer bytes) throws IOException {
				process.getOutputStream().write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
				process.getOutputStream().flush();
			}

			@Override
			public void closeInput() throws IOException {
				process.getOutputStream().close();
			}

			@Override
			public void resize(TerminalSize size) {
			}

			@Override
			public void stop() {
				process.destroyForcibly();
			}
		};
	}

	@Override
	public void requireDeployed(App app) {
		deployed(app);
	}

	@Override
	public String runDetached(App app, String command) {
		shell(deployed(app), command);
		return "run." + oneOffs.incrementAndGet();
	}

	@Override
	public void stop(App app) {
		dynos.remove(app.id());
	}

	@Override
	public OptionalInt deployedRelease(App app) {
		DeploySpec release = deployed.get(app.id());
		return release == null ? OptionalInt.empty() : OptionalInt.of(release.version());
	}

	@Override
	public void discard(App app, int release) {
		dynos.computeIfPresent(app.id(),
				(id, running) -> running.stream().filter(dyno -> dyno.release() != release).toList());
	}

	private static List<Dyno> start(DeploySpec release, Map<String, Formation> formation) {
		List<Dyno> started = new ArrayList<>();
		for (Formation type : formation.values()) {
			if (release.runs(type.processType())) {
				for (int index = 1; index <= type.quantity(); index++) {
					started.add(new Dyno(type.processType() + "." + index, type.processType(), index, release.version(),
							DynoState.UP, Instant.now(), 0, type.size().label(), null));
				}
			}
		}
		started.sort(Comparator.comparing(Dyno::processType).thenComparingInt(Dyno::index));
		return List.copyOf(started);
	}

	private DeploySpec deployed(App app) {
		DeploySpec release = deployed.get(app.id());
		if (release == null) {
			throw SlipwayException.conflict("not_deployed", app.name() + " has no release yet: push code before running commands.");
		}
		return release;
	}

	private static Process shell(DeploySpec release, String command) {
		ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true);
		builder.environment().putAll(release.env());
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
