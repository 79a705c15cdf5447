package io.bedrockbinding.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;

/**
 * The text of a new {@code inference.txt}: a header that explains the format, then every
 * catalog model grouped by provider as a commented-out {@code #model=} line, so that a
 * new file changes no binding until someone fills a line in.
 */
final class DefaultInferenceFile {

	private static final String HEADER = """
			# inference.txt: which inference profile (or ARN) each Bedrock model is called through.
			#
			# One binding per line:   model-id=target
			#   target empty                      call the model ID directly (on-demand)
			#   us.amazon.nova-pro-v1:0           a system-defined cross-region profile
			#                                     (us. eu. apac. jp. au. us-gov. global.)
			#   arn:aws:bedrock:REGION:ACCOUNT:inference-profile/...              a profile ARN
			#   arn:aws:bedrock:REGION:ACCOUNT:application-inference-profile/ID   your own profile
			#   arn:aws:bedrock:REGION:ACCOUNT:provisioned-model/ID               provisioned throughput
			#   {account} and {region} inside an ARN are filled in at call time.
			# Lines starting with '#' are comments. The part before the first '=' is the model ID.
			# Remove the '#' in front of a model below and add its target to bind it.
			# Tools (inference-config bind, the actuator endpoint) edit lines in place and keep comments.
			""";

	/** The first line of {@link #HEADER}: what tells a default file. */
	private static final String FIRST_LINE = HEADER.substring(0, HEADER.indexOf('\n'));

	/** How each note of {@link #profileNote(ModelInfo)} begins, after the name. */
	private static final List<String> NOTES = List.of(": on demand in ", ": needs a profile ",
			": context-length variant", ": in no region of the catalog");

	private DefaultInferenceFile() {
	}

	/**
	 * The text of a new file.
	 * @param catalog the models to list
	 * @return the header and a placeholder for every model
	 */
	static String render(ModelCatalog catalog) {
		StringBuilder text = new StringBuilder(HEADER);
		Map<String, List<ModelInfo>> byProvider = new LinkedHashMap<>();
		catalog.all()
			.forEach((model) -> byProvider.computeIfAbsent(model.provider(), (key) -> new ArrayList<>()).add(model));
		byProvider.forEach((provider, models) -> {
			text.append("\n# ==== ").append(provider).append(" ====\n");
			for (ModelInfo model : models) {
				// a name is data of a catalog file: no line break of it may start a line
				String name = model.displayName().replaceAll("\\p{Cntrl}", " ");
				text.append("# ").append(name).append(": ").append(profileNote(model)).append('\n');
				text.append(placeholder(model.modelId())).append('\n');
			}
		});
		return text.toString();
	}

	/**
	 * The commented-out line of a model that a bind fills in.
	 * @param modelId the model ID
	 * @return {@code #modelId=}
	 */
	static String placeholder(String modelId) {
		return "#" + modelId + "=";
	}

	/**
	 * Whether the lines are those of a default file (they start with its header), where
	 * an unbind restores a model's placeholder.
	 * @param lines the lines of a document
	 * @return whether the first line is the header's
	 */
	static boolean isDefaultFile(List<String> lines) {
		return !lines.isEmpty() && lines.get(0).equals(FIRST_LINE);
	}

	/**
	 * Whether {@code line} is the {@code # Display name: note} comment the default file
	 * puts above a placeholder.
	 * @param line a line of the file
	 * @return whether a placeholder would follow it
	 */
	static boolean describesAModel(String line) {
		return line.startsWith("# ") && NOTES.stream().anyMatch(line::contains);
	}

	private static String profileNote(ModelInfo model) {
		if (model.isContextVariant()) {
			return "context-length variant, provisioned throughput only (bind a provisioned-model ARN)";
		}
		String geos = model.geoPrefixes().isEmpty() ? ""
				: "; profiles: " + String.join(". ", model.geoPrefixes()) + ".";
		if (!model.profileOnlyRegions().isEmpty()) {
			return "needs a profile in " + String.join(", ", model.profileOnlyRegions())
					+ (model.needsProfileElsewhere() ? " and regions not listed" : "") + geos;
		}
		if (model.needsProfileElsewhere()) {
			return (model.onDemandRegions().isEmpty() ? "needs a profile in every region"
					: "needs a profile outside " + String.join(", ", model.onDemandRegions())) + geos;
		}
		if (model.onDemandRegions().isEmpty()) {
			return "in no region of the catalog" + geos;
		}
		return "on demand in " + String.join(", ", model.onDemandRegions()) + geos;
	}

}
