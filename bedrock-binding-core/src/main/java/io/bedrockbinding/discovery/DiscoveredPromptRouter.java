package io.bedrockbinding.discovery;

import java.util.List;

import io.bedrockbinding.identifier.BedrockArn;
import io.bedrockbinding.identifier.InvalidTargetException;

/**
 * A prompt router of the account (Bedrock's intelligent prompt routing), as
 * ListPromptRouters reports it
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_PromptRouterSummary.html).
 * Its ARN is a binding target: Converse answers it from one of {@link #modelArns()}.
 *
 * @param arn its ARN ({@code ...:default-prompt-router/...} or
 * {@code ...:prompt-router/...})
 * @param name its name
 * @param type {@code default} (provided by Bedrock) or {@code custom}
 * @param status {@code AVAILABLE}, ...
 * @param fallbackModelArn the model it answers with when no other fits
 * @param modelArns the models it routes between
 */
public record DiscoveredPromptRouter(String arn, String name, String type, String status, String fallbackModelArn,
		List<String> modelArns) {

	public DiscoveredPromptRouter {
		modelArns = List.copyOf(modelArns);
	}

	/**
	 * What the router routes between: the model ID of each foundation-model ARN, the
	 * profile ID of each inference-profile ARN, any other ARN as it is.
	 * @return the IDs, without duplicates
	 */
	public List<String> modelIds() {
		return this.modelArns.stream().map(DiscoveredPromptRouter::idOf).distinct().toList();
	}

	private static String idOf(String arn) {
		try {
			BedrockArn parsed = BedrockArn.parse(arn);
			return switch (parsed.kind()) {
				case FOUNDATION_MODEL_ARN, PROFILE_ARN -> parsed.resourceId();
				default -> arn;
			};
		}
		catch (InvalidTargetException ex) {
			return arn;
		}
	}

}
