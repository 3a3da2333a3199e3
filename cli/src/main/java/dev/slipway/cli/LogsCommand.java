package dev.slipway.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway logs}: an app's recent log lines, or all new ones as they come with {@code --tail}. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Show an app's logs; --tail follows them.")
final class LogsCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Option(names = { "-t", "--tail" }, description = "Keep showing new lines until Ctrl-C.")
	boolean tail;

	@Option(names = { "-n", "--num" }, paramLabel = "LINES", description = "How many recent lines (default: 100).")
	Integer lines;

	@Option(names = { "-s", "--source" }, paramLabel = "SOURCE", description = "Only lines from this source: app, router or slipway.")
	String source;

	@Option(names = { "-d", "--dyno", "-p", "--ps" }, paramLabel = "DYNO", description = "Only lines of this process type (web) or dyno (web.1).")
	String dyno;

	@Override
	void run(Settings settings) {
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("lines", lines);
		query.put("source", source);
		if (dyno != null) {
			query.put(dyno.contains(".") ? "dyno" : "process", dyno);
		}
		if (tail) {
			query.put("tail", true);
		}
		Output out = out();
		settings.api().lines(Api.query(Api.path("apps", app.resolve(settings), "logs"), query), line -> {
			// A tail's keep-alive is an empty line; a log line is never empty.
			if (!line.isEmpty()) {
				out.line(line);
			}
		});
	}

}
