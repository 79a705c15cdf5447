package io.bedrockbinding.cli;

import java.util.List;

import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code list [FILTER...]}: every model with its target. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
		versionProvider = InferenceConfig.Version.class,
		description = { "Lists every catalog model (and every model the file binds) with its target.",
				"With FILTER, only the models whose ID, name, provider or target contain every word.",
				ModelListing.TARGETS_HELP })
final class ListCommand extends ContextCommand {

	@Parameters(arity = "0..*", paramLabel = "FILTER", description = "Words a listed model must match (ignoring case).")
	private @Nullable List<String> filter;

	ListCommand() {
	}

	ListCommand(@Nullable List<String> filter) {
		this.filter = filter;
	}

	@Override
	int run(CommandContext context) {
		BindingRegistry registry = context.registry(true);
		context.warnAboutRegionAndFile(registry);
		List<Binding> bindings = Words.matchingAll(registry, this.filter);
		ModelListing.print(context, bindings, "Total",
				new ModelListing.Filter("list", Words.join(this.filter), null, null));
		return ExitCode.OK;
	}

}
