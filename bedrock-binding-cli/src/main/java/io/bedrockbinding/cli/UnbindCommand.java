package io.bedrockbinding.cli;

import java.io.IOException;

import io.bedrockbinding.file.FileChange;
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
		}
		return broken.exitCode();
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
