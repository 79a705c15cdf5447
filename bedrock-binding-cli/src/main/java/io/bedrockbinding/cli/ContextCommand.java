package io.bedrockbinding.cli;

import java.util.Objects;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A subcommand of {@link InferenceConfig}: picocli fills in its arguments, the parent
 * hands it the global settings, and {@link #run(CommandContext)} does the work. The
 * interactive menu calls {@code run} directly with arguments it asked for.
 */
abstract class ContextCommand implements Callable<Integer> {

	@ParentCommand
	private @Nullable InferenceConfig parent;

	@Spec
	private @Nullable CommandSpec spec;

	@Override
	public final Integer call() {
		InferenceConfig root = Objects.requireNonNull(this.parent, "parent command");
		CommandContext context = root.context(commandLine());
		try {
			return run(context);
		}
		finally {
			context.flush();
		}
	}

	/**
	 * The command line running this command, for a usage error of its own options.
	 * @return the command line
	 */
	final CommandLine commandLine() {
		return Objects.requireNonNull(this.spec, "spec").commandLine();
	}

	/**
	 * Does the command's work.
	 * @param context the settings, catalog and output of the command
	 * @return the exit code
	 * @throws CommandException if the command cannot do what was asked
	 */
	abstract int run(CommandContext context);

}
