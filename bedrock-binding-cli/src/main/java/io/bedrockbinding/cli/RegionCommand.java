package io.bedrockbinding.cli;

import java.util.List;

import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code region REGION}: the models usable from one region. */
@Command(name = "region", mixinStandardHelpOptions = true, sortOptions = false,
		versionProvider = InferenceConfig.Version.class,
		description = { "Lists the models usable from REGION, on demand or through an inference profile.",
				ModelListing.TARGETS_HELP,
				"To see the profiles an application in REGION derives, give it as --region too: "
						+ "'inference-config --region eu-west-1 region eu-west-1'." })
final class RegionCommand extends ContextCommand {

	@Parameters(paramLabel = "REGION", description = "An AWS region, e.g. us-east-1.")
	private String region = "";

	RegionCommand() {
	}

	RegionCommand(String region) {
		this.region = region;
	}

	@Override
	int run(CommandContext context) {
		BindingRegistry registry = context.registry(true);
		context.warnAboutRegionAndFile(registry);
		List<Binding> bindings = registry.byRegion(this.region.strip());
		if (bindings.isEmpty()) {
			List<String> regions = context.catalog()
				.all()
				.stream()
				.flatMap((model) -> model.regions().stream())
				.distinct()
				.sorted()
				.toList();
			context.note("No models usable from '" + this.region + "'. Regions: " + String.join(", ", regions));
		}
		ModelListing.print(context, bindings, "Total", new ModelListing.Filter("region", null, null, this.region));
		return ExitCode.OK;
	}

}
