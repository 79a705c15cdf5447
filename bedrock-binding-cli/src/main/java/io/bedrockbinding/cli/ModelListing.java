package io.bedrockbinding.cli;

import java.util.ArrayList;
import java.util.List;

import io.bedrockbinding.registry.Binding;
import org.jspecify.annotations.Nullable;

/**
 * The output of list, search, provider and region: numbered lines
 * {@code N. model -> target} and a closing count, or one JSON document.
 */
final class ModelListing {

	/** The help text shared by the listing commands: what the target column means. */
	static final String TARGETS_HELP = "The target shown is the one an application with these settings calls: "
			+ "the file's binding, else 'direct'. With --region R, a model that needs an inference profile in R and is not bound "
			+ "in the file shows the geo profile an application in R derives (e.g. us.<model>).";

	private ModelListing() {
	}

	/**
	 * Prints {@code bindings}.
	 * @param context where to print, and whether as JSON
	 * @param bindings the bindings to list
	 * @param closing {@code Total} or {@code Found}
	 * @param filter what was asked, for the JSON document
	 */
	static void print(CommandContext context, List<Binding> bindings, String closing, Filter filter) {
		if (context.json()) {
			List<BindingEntry> entries = new ArrayList<>(bindings.size());
			java.time.LocalDate today = io.bedrockbinding.catalog.Lifecycle.today(context.clock());
			for (int i = 0; i < bindings.size(); i++) {
				entries.add(BindingEntry.of(i + 1, bindings.get(i), context.catalog(), today));
			}
			context.printJson(
					new Document(context.filePath(), context.settings().region(), filter, entries, entries.size()));
			return;
		}
		for (int i = 0; i < bindings.size(); i++) {
			context.println(BindingText.line(i + 1, bindings.get(i)));
		}
		context.println(closing + ": " + Counts.of(bindings.size(), "model"));
	}

	/**
	 * What a listing was asked for.
	 *
	 * @param command the command
	 * @param text the words every model matched, if any
	 * @param provider the provider, if any
	 * @param region the region the models must be usable from, if any
	 */
	record Filter(String command, @Nullable String text, @Nullable String provider, @Nullable String region) {
	}

	/**
	 * A listing as JSON.
	 *
	 * @param file the inference file read
	 * @param region the --region whose derived profiles are shown, if given
	 * @param filter what was asked
	 * @param models the models, numbered as in the text output
	 * @param total how many
	 */
	record Document(String file, @Nullable String region, Filter filter, List<BindingEntry> models, int total) {
	}

}
