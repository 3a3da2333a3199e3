package dev.slipway.cli;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway open [PATH]}: the app in a browser ({@code $BROWSER}, else the desktop's opener). */
@Command(name = "open", mixinStandardHelpOptions = true,
		description = { "Open the app in a browser: $BROWSER if set, else open (macOS) or xdg-open.",
				"Without either, prints the address to open." })
final class OpenCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "A path in the app, like /admin.")
	String path;

	@Override
	void run(Settings settings) {
		URI web = URI.create(settings.api().get(Api.path("apps", app.resolve(settings))).path("web_url").asString());
		URI target = path == null ? web : web.resolve(path.startsWith("/") ? path.substring(1) : path);
		if (!browse(settings.browser(), target)) {
			out().line("Open " + target + " in your browser.");
		}
	}

	/** Hands the address to a browser; false when there is none to start. */
	private static boolean browse(String browser, URI target) {
		List<String> command = new ArrayList<>();
		if (browser != null && !browser.isBlank()) {
			command.addAll(List.of(browser.strip().split("\\s+")));
		}
		else {
			command.add(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "open" : "xdg-open");
		}
		command.add(target.toString());
		try {
			return new ProcessBuilder(command).inheritIO().start().waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException("Interrupted.");
		}
	}

}
