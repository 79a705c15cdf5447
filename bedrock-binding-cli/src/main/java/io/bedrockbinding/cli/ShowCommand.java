package io.bedrockbinding.cli;

import java.util.ArrayList;
import java.util.List;

import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/** {@code show}: the bindings that change what is called. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
		versionProvider = InferenceConfig.Version.class,
		description = {
				"Shows the current bindings that are not direct, each with where it comes from "
						+ "(path:line of the file), then 'Total bound: X/Y models'.",
				"With --region R, the geo profiles an application in R derives are shown too (origin 'derived')." })
final class ShowCommand extends ContextCommand {

	@Override
	int run(CommandContext context) {
		BindingRegistry registry = context.registry(true);
		context.warnAboutRegionAndFile(registry);
		List<Binding> bound = registry.explicitBindings()
			.stream()
			.filter((binding) -> !BindingText.DIRECT.equals(BindingText.target(binding)))
			.toList();
		int total = registry.bindings().size();
		if (context.json()) {
			List<BindingEntry> entries = new ArrayList<>(bound.size());
			for (int i = 0; i < bound.size(); i++) {
				entries.add(BindingEntry.of(i + 1, bound.get(i), context.catalog(),
						io.bedrockbinding.catalog.Lifecycle.today(context.clock())));
			}
			context
				.printJson(new Document(context.filePath(), context.settings().region(), entries, bound.size(), total));
			return ExitCode.OK;
		}
		if (bound.isEmpty()) {
			context.println("No model is bound in " + context.filePath() + ": every model is called directly.");
		}
		for (int i = 0; i < bound.size(); i++) {
			Binding binding = bound.get(i);
			context.println(BindingText.line(i + 1, binding) + " (" + BindingText.origin(binding.origin()) + ")");
		}
		context.println("Total bound: " + bound.size() + "/" + total + " models");
		return ExitCode.OK;
	}

	/**
	 * The bindings as JSON.
	 *
	 * @param file the inference file
	 * @param region the --region whose derived profiles are included, if given
	 * @param bindings the bindings that are not direct
	 * @param bound how many
	 * @param total how many models there are (catalog and file)
	 */
	record Document(String file, @Nullable String region, List<BindingEntry> bindings, int bound, int total) {
	}

}
