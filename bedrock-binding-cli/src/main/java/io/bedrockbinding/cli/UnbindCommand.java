package io.bedrockbinding.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.bedrockbinding.file.FileChange;
import io.bedrockbinding.file.FileEntry;
import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.identifier.ModelIds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code unbind MODEL}: removes a binding from the file. */
@Command(name = "unbind", mixinStandardHelpOptions = true, sortOptions = false,
		versionProvider = InferenceConfig.Version.class,
		description = { "Removes the lines that bind MODEL from the inference file; comments and every other line "
				+ "stay. The model is then called directly (or through the geo profile an application derives).",
				"Unbinding a model the file does not bind changes nothing and is not an error.",
				"Broken lines of the file are named (file:line) on stderr; they do not stop the unbind." })
final class UnbindCommand extends ContextCommand {

	@Parameters(paramLabel = "MODEL", description = "The model ID, e.g. amazon.nova-pro-v1:0.")
	private String modelId = "";

	UnbindCommand() {
	}

	UnbindCommand(String modelId) {
		this.modelId = modelId;
	}

	@Override
	int run(CommandContext context) {
		try {
			ModelIds.requireModelId(this.modelId);
		}
		catch (InvalidTargetException ex) {
			throw new CommandException(ex.getMessage() + "; nothing was written", ex);
		}
		String path = context.filePath();
		FileChange change;
		if (!context.inferenceFile().exists()) {
			// unbinding must not create the file
			change = new FileChange(this.modelId, null, null);
		}
		else {
			try {
				change = context.inferenceFile().unbind(this.modelId);
			}
			catch (IOException ex) {
				throw FileChanges.writeFailed(ex);
			}
		}
		// unbind removes every line that names the model: only other lines can be broken
		FileChanges.BrokenLines broken = FileChanges.brokenLines(context, this.modelId);
		broken.all().forEach(context::warn);
		if (context.json()) {
			context.printJson(new Document(path, FileChanges.Change.of(change)));
		}
		else {
			context.println(FileChanges.describe(change, path));
			if (!change.changed() && context.inferenceFile().exists()) {
				similar(context).forEach((bound) -> context.note("did you mean " + bound + "? the file binds it: "
						+ CommandHint.of(context.settings(), "unbind", bound)));
			}
		}
		return broken.exitCode();
	}

	/**
	 * The models the file binds whose ID begins as the one asked for, or that it begins
	 * with, ignoring case ({@code amazon.nova-pro-v1} for {@code amazon.nova-pro-v1:0}):
	 * the likely typos of an unbind that found nothing.
	 * @param context the command's context
	 * @return at most three model IDs, in file order
	 */
	private List<String> similar(CommandContext context) {
		String asked = this.modelId.toLowerCase(Locale.ROOT);
		return context.inferenceFile().read().entries().stream().map(FileEntry::modelId).filter((bound) -> {
			String id = bound.toLowerCase(Locale.ROOT);
			return id.startsWith(asked) || asked.startsWith(id);
		}).limit(3).toList();
	}

	/**
	 * An unbind as JSON.
	 *
	 * @param file the inference file
	 * @param change what changed
	 */
	record Document(String file, FileChanges.Change change) {
	}

}
