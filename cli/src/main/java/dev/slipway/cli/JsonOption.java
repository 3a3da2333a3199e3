package dev.slipway.cli;

import picocli.CommandLine.Option;

/** {@code --json} on every listing: the API's own JSON instead of a table. */
final class JsonOption {

	@Option(names = "--json", description = "Print JSON instead of a table.")
	boolean json;

}
