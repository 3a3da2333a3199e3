package dev.slipway.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code slipway run bash}: a one-off dyno attached to this terminal, as {@code heroku run}. With a
 * terminal on stdin it gets a TTY of the terminal's size, typed keys go to it as they are (Ctrl-C
 * interrupts its command, not this one); with stdin a pipe or file, that is its input. Exits with
 * the command's exit status.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
		modelTransformer = RunCommand.CommandTakesTheRest.class,
		description = { "Run a one-off command in a new dyno of the app's current release, attached to this terminal.",
				"Exits with the command's exit status. Options of the command itself come after its name: slipway run ls -la" },
		footer = { "", "Examples:", "  slipway run bash", "  echo 'echo hi; exit 3' | slipway run bash",
				"  slipway run --detach rake db:migrate" })
final class RunCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	AppOption app;

	@Option(names = { "-d", "--detach" }, description = "Run in the background; the output goes to the app's logs.")
	boolean detach;

	@Option(names = "--no-tty", description = "No TTY, even when stdin is a terminal.")
	boolean noTty;

	@Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
	List<String> command;

	@Override
	public Integer call() {
		Settings settings = Settings.current();
		Api api = settings.api();
		String name = app.resolve(settings);
		String line = String.join(" ", command);
		if (detach) {
			JsonNode started = api.post(Api.path("apps", name, "dynos"), Map.of("command", line, "attach", false));
			String dyno = started.path("dyno").asString("");
			spec.commandLine().getErr().println("Running `" + line + "` on ⬢ " + name + "... up, " + dyno);
			spec.commandLine().getErr().println("Run slipway logs --app " + name + " --dyno " + dyno + " to view the output.");
			return 0;
		}
		Terminal terminal = noTty ? null : Terminal.ofStdin();
		URI socket = socketUri(api.base(), name, line, terminal);
		return new RunSession(api, settings.token(settings.url()), socket, line, name, terminal,
				spec.commandLine().getErr()).run();
	}

	/** Everything from the command's name on is the command's, options too: {@code slipway run ls -la}. */
	static final class CommandTakesTheRest implements IModelTransformer {

		@Override
		public CommandSpec transform(CommandSpec command) {
			command.parser().stopAtPositional(true);
			return command;
		}

	}

	/** The WebSocket's address: ws:// or wss:// as the API is http:// or https://. */
	static URI socketUri(URI base, String app, String command, Terminal terminal) {
		StringBuilder query = new StringBuilder("command=").append(encode(command));
		if (terminal != null) {
			Terminal.Size size = terminal.size();
			query.append("&tty=true&columns=").append(size.columns()).append("&rows=").append(size.rows())
				.append("&term=").append(encode(terminal.type()));
		}
		String scheme = "https".equals(base.getScheme()) ? "wss" : "ws";
		return URI.create(scheme + "://" + base.getRawAuthority() + Api.path("apps", app, "dynos", "run") + "?" + query);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
