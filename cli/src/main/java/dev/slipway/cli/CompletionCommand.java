package dev.slipway.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slipway completion bash|zsh}: a completion script for the shell to source. */
@Command(name = "completion", aliases = "autocomplete", mixinStandardHelpOptions = true,
		description = { "Print a completion script for bash or zsh.", "bash: add  source <(slipway completion bash)  to ~/.bashrc",
				"zsh:  add  source <(slipway completion zsh)  to ~/.zshrc" })
final class CompletionCommand implements Callable<Integer> {

	enum Shell {
		bash, zsh
	}

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", defaultValue = "bash", description = "bash or zsh (default: ${DEFAULT-VALUE}).")
	Shell shell;

	@Override
	public Integer call() {
		// One script serves both: under zsh it loads zsh's bash completion support first. Verbs hold a
		// colon, which bash splits words at unless told otherwise (as npm's completion does for its own).
		spec.commandLine().getOut().print("COMP_WORDBREAKS=${COMP_WORDBREAKS//:}\n"
				+ AutoComplete.bash("slipway", spec.root().commandLine()));
		spec.commandLine().getOut().flush();
		return 0;
	}

}
