package io.bedrockbinding.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code completion}: prints picocli's completion script for bash (zsh reads it too,
 * through {@code bashcompinit}), generated from the commands and options themselves, so
 * it never lags them.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
		description = { "Prints a shell completion script for bash and zsh.",
				"bash: source <(inference-config completion)",
				"zsh:  autoload -U +X bashcompinit && bashcompinit && source <(inference-config completion)" })
final class CompletionCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		CommandSpec root = this.spec.root();
		this.spec.commandLine().getOut().print(AutoComplete.bash(root.name(), root.commandLine()));
		this.spec.commandLine().getOut().flush();
		return ExitCode.OK;
	}

}
