package io.bedrockbinding.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.bedrockbinding.Severity;
import io.bedrockbinding.file.FileChange;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.identifier.ModelIds;
import io.bedrockbinding.identifier.TargetList;
import io.bedrockbinding.registry.BindingProblem;
import io.bedrockbinding.registry.BindingRegistry;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bind MODEL [TARGET...]}: writes one binding (a target or a failover chain) into
 * the file.
 */
@Command(name = "bind", mixinStandardHelpOptions = true, sortOptions = false,
		versionProvider = InferenceConfig.Version.class,
		description = {
				"Binds MODEL to TARGET in the inference file, in place: the line that binds MODEL "
						+ "(or its commented-out placeholder) is rewritten, every other line and comment stays. "
						+ "The file is replaced atomically, under a lock.",
				"Both are checked first: an invalid model ID or target is refused (exit 1) and the file is not "
						+ "touched. A model the catalog does not know is bound with a warning: new models appear "
						+ "before the catalog knows them.",
				"Several TARGETs make a failover chain, tried in order (written as one line, the targets "
						+ "separated by commas); each is checked as a single target is.",
				"A missing file is created first, with a header that explains the format.",
				"Broken lines of the file are named (file:line) on stderr; applications skip them and apply every "
						+ "other line, so they do not stop the bind. A broken line that names MODEL too makes the "
						+ "exit code 1 (the binding is written): fix or delete it." },
		footer = { "", "Examples:", "  inference-config bind amazon.nova-pro-v1:0 us.amazon.nova-pro-v1:0",
				"  inference-config bind deepseek.r1-v1:0 'arn:aws:bedrock:us-east-2:{account}:inference-profile/us.deepseek.r1-v1:0'",
				"  inference-config bind amazon.titan-embed-text-v2:0        (direct)",
				"  inference-config bind anthropic.claude-haiku-4-5-20251001-v1:0 us.anthropic.claude-haiku-4-5-20251001-v1:0 global.anthropic.claude-haiku-4-5-20251001-v1:0" })
final class BindCommand extends ContextCommand {

	@Parameters(index = "0", paramLabel = "MODEL", description = "The model ID, e.g. amazon.nova-pro-v1:0.")
	private String modelId = "";

	@Parameters(index = "1..*", arity = "0..*", paramLabel = "TARGET",
			description = { "A system profile ID (us.amazon.nova-pro-v1:0), a Bedrock ARN (inference-profile, "
					+ "application-inference-profile, provisioned-model, ...; {account} and {region} may be used), "
					+ "or nothing to call the model directly. Several make a failover chain, first tried first." })
	private List<String> targets = new ArrayList<>();

	BindCommand() {
	}

	BindCommand(String modelId, @Nullable String target) {
		this.modelId = modelId;
		if (target != null) {
			this.targets.add(target);
		}
	}

	@Override
	int run(CommandContext context) {
		String targetText = String.join(TargetList.SEPARATOR + " ", this.targets.stream().map(String::strip).toList())
			.strip();
		check(this.modelId, targetText);
		List<String> warnings = new ArrayList<>();
		boolean created = FileChanges.createIfMissing(context);
		FileChange change;
		try {
			change = context.inferenceFile().bind(this.modelId, targetText);
		}
		catch (IOException ex) {
			throw FileChanges.writeFailed(ex);
		}
		warnings.addAll(problemsOfNewBinding(context));
		FileChanges.BrokenLines broken = FileChanges.brokenLines(context, this.modelId);
		warnings.addAll(broken.all());
		warnings.forEach(context::warn);
		String path = context.filePath();
		if (context.json()) {
			context.printJson(new Document(path, FileChanges.Change.of(change), created, warnings));
		}
		else {
			context.println(FileChanges.describe(change, path));
		}
		return broken.exitCode();
	}

	/**
	 * Refuses an invalid model ID or target before anything is written.
	 * @param modelId the model ID as given
	 * @param target the target text as given ({@code ""} for direct; a chain separated by
	 * commas)
	 * @return the parsed targets
	 * @throws CommandException if either is invalid
	 */
	static List<BindingTarget> check(String modelId, String target) {
		try {
			ModelIds.requireModelId(modelId);
			return TargetList.parse(modelId, target);
		}
		catch (InvalidTargetException ex) {
			throw new CommandException(ex.getMessage() + "; nothing was written", ex);
		}
	}

	/**
	 * What validate would say about the new binding (a target of another model, wrong
	 * geography for --region, ...): the same rules, so that the two agree.
	 * @param context the command's context
	 * @return the warnings to show
	 */
	private List<String> problemsOfNewBinding(CommandContext context) {
		BindingRegistry registry = context.registry(false);
		List<String> warnings = new ArrayList<>();
		for (BindingProblem problem : registry.problemsOf(registry.resolve(this.modelId))) {
			String fix = (problem.suggestedTarget() != null)
					? " (" + CommandHint.of(context.settings(), "bind", this.modelId, problem.suggestedTarget()) + ")"
					: "";
			warnings.add(((problem.severity() == Severity.ERROR) ? "calls will fail: " : "") + problem.message() + fix);
		}
		return warnings;
	}

	/**
	 * A bind as JSON.
	 *
	 * @param file the inference file
	 * @param change what changed
	 * @param created whether the file was created for it
	 * @param warnings what was bound but looks wrong
	 */
	record Document(String file, FileChanges.Change change, boolean created, List<String> warnings) {
	}

}
