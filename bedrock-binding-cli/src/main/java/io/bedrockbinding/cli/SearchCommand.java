package io.bedrockbinding.cli;

import java.util.List;

import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code search TERM...}: the models that match. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
		versionProvider = InferenceConfig.Version.class,
		description = { "Finds models by ID, name, provider or target, ignoring case: every TERM must match.",
				"A geo profile ID works too: 'search us.amazon.nova-pro-v1:0' finds amazon.nova-pro-v1:0.",
				ModelListing.TARGETS_HELP })
final class SearchCommand extends ContextCommand {

	@Parameters(arity = "1..*", paramLabel = "TERM", description = "Words to look for.")
	private List<String> terms = List.of();

	SearchCommand() {
	}

	SearchCommand(List<String> terms) {
		this.terms = terms;
	}

	@Override
	int run(CommandContext context) {
		BindingRegistry registry = context.registry(true);
		context.warnAboutRegionAndFile(registry);
		List<Binding> bindings = Words.matchingAll(registry, this.terms);
		ModelListing.print(context, bindings, "Found",
				new ModelListing.Filter("search", Words.join(this.terms), null, null));
		return ExitCode.OK;
	}

}
