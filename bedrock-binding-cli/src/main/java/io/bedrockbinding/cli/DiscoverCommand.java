package io.bedrockbinding.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import io.bedrockbinding.discovery.DiscoveredProfile;
import io.bedrockbinding.discovery.DiscoveredPromptRouter;
import io.bedrockbinding.discovery.DiscoveryResult;
import io.bedrockbinding.discovery.ProfileDiscovery;
import io.bedrockbinding.discovery.SuggestedBinding;
import io.bedrockbinding.file.FileChange;
import io.bedrockbinding.file.InferenceDocument;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.identifier.ModelIds;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code discover [--region R] [--write]}: asks the account which profiles exist. */
@Command(name = "discover", mixinStandardHelpOptions = true, sortOptions = false,
		versionProvider = InferenceConfig.Version.class,
		description = { "Asks the Bedrock control plane of the account (ListFoundationModels, ListInferenceProfiles, "
				+ "GetInferenceProfile, ListPromptRouters) which inference profiles and prompt routers exist in the "
				+ "region, and prints them with the bindings they suggest: the region's geo profile for each model "
				+ "that needs a profile there, and an application inference profile for the model it contains.",
				"Credentials: --profile NAME, else the AWS SDK's default chain "
						+ "(AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, aws.accessKeyId/aws.secretAccessKey, AWS_PROFILE, container and instance roles). "
						+ "Region: --region, else the SDK's region chain (AWS_REGION, the profile's region). "
						+ "--endpoint-url points it at an emulator such as LocalBedrock.",
				"With --write, the suggestions are bound in the inference file in one atomic write; a model the file "
						+ "binds already keeps its binding unless --overwrite is given." },
		footer = { "", "Examples:", "  inference-config discover --region us-east-1",
				"  inference-config --profile prod discover --region eu-west-1 --write" })
final class DiscoverCommand extends ContextCommand {

	@Option(names = "--write", description = "Bind the suggestions in the inference file.")
	private boolean write;

	@Option(names = "--overwrite", description = "With --write, replace bindings the file has already.")
	private boolean overwrite;

	@Override
	int run(CommandContext context) {
		if (this.overwrite && !this.write) {
			throw new ParameterException(commandLine(),
					"--overwrite replaces bindings only with --write: add --write to bind the suggestions");
		}
		Settings settings = context.settings();
		DiscoveryResult result;
		try (ControlPlaneClients clients = new ControlPlaneClients(settings.profile(), settings.endpointUrl())) {
			String region = Optional.ofNullable(settings.region())
				.or(clients::defaultRegion)
				.orElseThrow(() -> new CommandException(
						"discover needs a region: pass --region (or set AWS_REGION, or a region in the AWS profile)"));
			try {
				result = new ProfileDiscovery(clients, context.catalog()).discover(region);
			}
			catch (SdkException ex) {
				throw new CommandException("discovery in " + region + " failed: " + ex.getMessage(), ex);
			}
		}
		List<String> warnings = new ArrayList<>(result.warnings());
		List<SuggestedBinding> valid = new ArrayList<>();
		for (SuggestedBinding suggestion : result.suggestions()) {
			try {
				ModelIds.requireModelId(suggestion.modelId());
				BindingTarget.parse(suggestion.modelId(), suggestion.target());
				valid.add(suggestion);
			}
			catch (InvalidTargetException ex) {
				context.warn("skipping the suggestion for " + suggestion.modelId() + ": " + ex.getMessage());
			}
		}
		List<Written> written = this.write ? write(context, valid) : List.of();
		// as after bind: the lines the file still has broken, those of a written model
		// first, which make the command fail
		FileChanges.BrokenLines broken = written.isEmpty() ? new FileChanges.BrokenLines(List.of(), List.of())
				: FileChanges.brokenLines(context,
						written.stream().map(Written::modelId).collect(Collectors.toUnmodifiableSet()));
		warnings.addAll(broken.all());
		warnings.forEach(context::warn);
		if (context.json()) {
			context.printJson(new Document(result.region(), result.models().size(), result.profiles(),
					result.promptRouters(), valid, this.write ? context.filePath() : null, written, warnings));
		}
		else {
			printText(context, result, valid, written);
		}
		return broken.exitCode();
	}

	private void printText(CommandContext context, DiscoveryResult result, List<SuggestedBinding> suggestions,
			List<Written> written) {
		context.println("Inference profiles in " + result.region() + ": " + result.profiles().size() + " ("
				+ result.models().size() + " foundation models)");
		for (DiscoveredProfile profile : result.profiles()) {
			String name = profile.isApplication() ? profile.arn() + " '" + profile.name() + "'" : profile.id();
			context.println("  " + name + " [" + profile.type() + ", " + profile.status() + "] -> "
					+ (profile.modelIds().isEmpty() ? "(no models)" : String.join(", ", profile.modelIds())));
		}
		if (!result.promptRouters().isEmpty()) {
			context.println("Prompt routers in " + result.region() + ": " + result.promptRouters().size()
					+ " (bind a model to one with: bind MODEL ARN)");
			for (DiscoveredPromptRouter router : result.promptRouters()) {
				context.println("  " + router.arn() + " '" + router.name() + "' [" + router.type() + ", "
						+ router.status() + "] -> " + String.join(", ", router.modelIds()));
			}
		}
		context.println("Suggested bindings: " + suggestions.size());
		for (int i = 0; i < suggestions.size(); i++) {
			SuggestedBinding suggestion = suggestions.get(i);
			context.println((i + 1) + ". " + suggestion.modelId() + " -> " + suggestion.target() + "   # "
					+ suggestion.reason());
		}
		if (!this.write) {
			if (!suggestions.isEmpty()) {
				context.println("Run again with --write to bind them in " + context.filePath() + ".");
			}
			return;
		}
		int changed = 0;
		int kept = 0;
		for (Written entry : written) {
			if (entry.kept()) {
				kept++;
				context.println(entry.modelId() + ": kept " + BindingText.fileTarget(entry.before())
						+ " (bound in the file already; --overwrite replaces it)");
			}
			else if (entry.changed()) {
				changed++;
				context.println(FileChanges.describe(entry.fileChange(), context.filePath()));
			}
		}
		context.println("Written: " + changed + " of " + Counts.of(suggestions.size(), "suggestion") + " to "
				+ context.filePath() + " (" + (written.size() - changed - kept) + " unchanged, " + kept + " kept)");
	}

	/**
	 * Binds the suggestions in one read-modify-write of the file.
	 * @param context the command's context
	 * @param suggestions the bindings to write
	 * @return what was written
	 */
	private List<Written> write(CommandContext context, List<SuggestedBinding> suggestions) {
		if (suggestions.isEmpty()) {
			return List.of();
		}
		FileChanges.createIfMissing(context);
		List<Written> written = new ArrayList<>();
		try {
			context.inferenceFile().update((document) -> {
				written.clear();
				InferenceDocument edited = document;
				for (SuggestedBinding suggestion : suggestions) {
					String before = edited.targetOf(suggestion.modelId()).orElse(null);
					boolean kept = before != null && !this.overwrite && !before.equals(suggestion.target());
					List<Integer> removed = List.of();
					if (!kept) {
						// as bind: the model's duplicate lines go (numbered as the
						// file had them)
						removed = document.duplicateLinesOf(suggestion.modelId());
						edited = edited.with(suggestion.modelId(), suggestion.target());
					}
					written.add(Written.of(suggestion, before, kept, removed));
				}
				return edited;
			});
		}
		catch (IOException ex) {
			throw FileChanges.writeFailed(ex);
		}
		return written;
	}

	/**
	 * What --write did with one suggestion.
	 *
	 * @param modelId the model ID
	 * @param before the target the file had, null if it did not bind the model
	 * @param after the target the file has now
	 * @param changed whether the file changed
	 * @param kept whether a different binding the file had was kept (no --overwrite)
	 * @param removedLines the duplicate lines of the model removed, as bind removes them
	 */
	record Written(String modelId, @Nullable String before, String after, boolean changed, boolean kept,
			List<Integer> removedLines) {

		static Written of(SuggestedBinding suggestion, @Nullable String before, boolean kept,
				List<Integer> removedLines) {
			String after = kept ? Objects.requireNonNull(before) : suggestion.target();
			return new Written(suggestion.modelId(), before, after, !after.equals(before) || !removedLines.isEmpty(),
					kept, List.copyOf(removedLines));
		}

		FileChange fileChange() {
			return new FileChange(this.modelId, this.before, this.after, this.removedLines);
		}

	}

	/**
	 * A discovery as JSON.
	 *
	 * @param region the region asked
	 * @param foundationModels how many foundation models the region lists
	 * @param profiles the inference profiles, system-defined and application
	 * @param promptRouters the prompt routers
	 * @param suggestions the bindings they suggest
	 * @param file the inference file written, with --write
	 * @param written what --write did with each suggestion
	 * @param warnings what the account refused to tell, and the lines the file has broken
	 * after --write (also printed on stderr)
	 */
	record Document(String region, int foundationModels, List<DiscoveredProfile> profiles,
			List<DiscoveredPromptRouter> promptRouters, List<SuggestedBinding> suggestions, @Nullable String file,
			List<Written> written, List<String> warnings) {
	}

}
