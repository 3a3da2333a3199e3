package dev.slipway.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A verb that talks to the API: its settings, its output, and its exit code 0 once it returns. */
abstract class ApiCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public final Integer call() {
		run(Settings.current());
		return 0;
	}

	abstract void run(Settings settings);

	Output out() {
		return new Output(spec.commandLine().getOut());
	}

}
