package io.bedrockbinding.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.bedrockbinding.catalog.Geographies;
import io.bedrockbinding.catalog.Lifecycle;
import io.bedrockbinding.catalog.ModelInfo;
import org.jspecify.annotations.Nullable;

/**
 * Whether a model can be called by its plain ID in a region: the catalog's answer unless
 * a test overrode it with {@link LocalBedrock#requireProfile} or
 * {@link LocalBedrock#allowOnDemand}; and whether it is offered at all, in the region and
 * by the clock (past its end of life it is not).
 */
final class ModelAccess {

	/**
	 * Bedrock's refusal of a model past its end of life, a ResourceNotFoundException of
	 * Converse, InvokeModel and GetFoundationModel, quoted in
	 * https://github.com/aws-solutions-library-samples/accelerated-intelligent-document-processing-on-aws/issues/708
	 * (Converse), https://github.com/aws-samples/amazon-bedrock-ai-karaoke/issues/21
	 * (InvokeModel) and https://github.com/BerriAI/litellm/pull/42053
	 * (GetFoundationModel).
	 */
	static final String END_OF_LIFE = "This model version has reached the end of its life. "
			+ "Please refer to the AWS documentation for more details.";

	private final Clock clock;

	ModelAccess(Clock clock) {
		this.clock = clock;
	}

	/** Stands for every region in an override's key. */
	private static final String ANY_REGION = "*";

	/** {@code modelId NUL region} to "needs a profile". */
	private final Map<String, Boolean> overrides = new ConcurrentHashMap<>();

	void requireProfile(String modelId, @Nullable String region) {
		this.overrides.put(key(modelId, region), Boolean.TRUE);
	}

	void allowOnDemand(String modelId, @Nullable String region) {
		this.overrides.put(key(modelId, region), Boolean.FALSE);
	}

	void clear() {
		this.overrides.clear();
	}

	boolean isOverridden(String modelId, String region) {
		return !this.overrides.isEmpty()
				&& (this.overrides.containsKey(key(modelId, region)) || this.overrides.containsKey(key(modelId, null)));
	}

	/**
	 * Whether the model is offered in {@code region} at all (on demand or through a
	 * profile), as the catalog lists it; a model with no regions is offered everywhere.
	 * @param model the catalog model
	 * @param region the region of the call
	 * @return whether it is offered there
	 */
	boolean isOffered(ModelInfo model, String region) {
		return model.regions().isEmpty() || model.availableIn(region) || isOverridden(model.modelId(), region);
	}

	/**
	 * The model's lifecycle status today, as ListFoundationModels reports it.
	 * @param model the catalog model
	 * @return {@code LEGACY} or {@code ACTIVE}
	 */
	Lifecycle.Status status(ModelInfo model) {
		return model.lifecycle().isLegacy(Lifecycle.today(this.clock)) ? Lifecycle.Status.LEGACY
				: Lifecycle.Status.ACTIVE;
	}

	/**
	 * Refuses a model past its end of life, as Bedrock does.
	 * @param model the model a call or a look-up reaches
	 * @throws BedrockError a ResourceNotFoundException once the end-of-life date has come
	 */
	void refuseEndOfLife(ModelInfo model) {
		if (model.lifecycle().isEndOfLife(Lifecycle.today(this.clock))) {
			throw BedrockError.notFound(END_OF_LIFE);
		}
	}

	/**
	 * Whether calling the plain model ID from {@code region} is refused.
	 * @param model the catalog model
	 * @param region the region of the call
	 * @return whether the call needs a profile
	 */
	boolean needsProfile(ModelInfo model, String region) {
		if (!this.overrides.isEmpty()) {
			Boolean exact = this.overrides.get(key(model.modelId(), region));
			if (exact != null) {
				return exact;
			}
			Boolean any = this.overrides.get(key(model.modelId(), null));
			if (any != null) {
				return any;
			}
		}
		return model.needsProfile(region);
	}

	/**
	 * What ListFoundationModels reports in {@code inferenceTypesSupported} for a region:
	 * {@code PROVISIONED} for a model served only with provisioned throughput
	 * ({@link ModelInfo#servedOnlyProvisioned()}: marked so in the catalog, or a
	 * context-length variant), else {@code ON_DEMAND} where the plain ID works and
	 * {@code INFERENCE_PROFILE} where a profile serving the region contains the model (or
	 * the plain ID is refused).
	 * @param model the catalog model
	 * @param region the region of the listing
	 * @param geographies the geographies whose profiles may contain the model
	 * @return the inference types
	 */
	List<String> inferenceTypes(ModelInfo model, String region, Geographies geographies) {
		boolean needsProfile = needsProfile(model, region);
		if (model.servedOnlyProvisioned() && needsProfile) {
			return List.of("PROVISIONED");
		}
		List<String> types = new ArrayList<>(2);
		if (!needsProfile) {
			types.add("ON_DEMAND");
		}
		if (needsProfile || geographies.preferredFor(region, model).isPresent()) {
			types.add("INFERENCE_PROFILE");
		}
		return types;
	}

	private static String key(String modelId, @Nullable String region) {
		return modelId + '\0' + ((region != null) ? region : ANY_REGION);
	}

}
