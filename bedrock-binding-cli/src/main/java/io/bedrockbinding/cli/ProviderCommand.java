package io.bedrockbinding.cli;

import java.util.List;

import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code provider NAME}: the models of one provider. */
@Command(name = "provider", mixinStandardHelpOptions = true, sortOptions = false,
		versionProvider = InferenceConfig.Version.class,
		description = { "Lists the models of one provider; its name in any case, or with a geo prefix (us.anthropic).",
				ModelListing.TARGETS_HELP })
final class ProviderCommand extends ContextCommand {

	@Parameters(paramLabel = "NAME", description = "The provider, e.g. amazon, anthropic, meta.")
	private String provider = "";

	ProviderCommand() {
	}

	ProviderCommand(String provider) {
		this.provider = provider;
	}

	@Override
	int run(CommandContext context) {
		BindingRegistry registry = context.registry(true);
		context.warnAboutRegionAndFile(registry);
		List<Binding> bindings = registry.byProvider(this.provider);
		if (bindings.isEmpty()) {
			List<String> providers = context.catalog()
				.all()
				.stream()
				.map(ModelInfo::provider)
				.distinct()
				.sorted()
				.toList();
			context.note("No models of provider '" + this.provider + "'. Providers: " + String.join(", ", providers));
		}
		ModelListing.print(context, bindings, "Total", new ModelListing.Filter("provider", null, this.provider, null));
		return ExitCode.OK;
	}

}
