package io.bedrockbinding.emulator;

import java.util.Optional;

import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.identifier.BedrockArn;
import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.identifier.ModelIds;
import io.bedrockbinding.identifier.TargetKind;

/**
 * Resolves the model identifier of a runtime call the way Bedrock does: a plain model ID
 * (refused when the model needs a profile in the caller's region), a system profile ID
 * (its geography must serve the caller's region), or an ARN (of the caller's region and
 * account).
 */
final class TargetResolver {

	/**
	 * Bedrock's refusal of a plain model ID that needs an inference profile (note the
	 * U+2019 apostrophe).
	 */
	static final String ON_DEMAND_REFUSED = "Invocation of model ID %s with on-demand throughput isn\u2019t supported. "
			+ "Retry your request with the ID or ARN of an inference profile that contains this model.";

	private final ModelCatalog catalog;

	private final ModelAccess access;

	private final ApplicationProfiles applicationProfiles;

	private final PromptRouters promptRouters;

	private final String account;

	TargetResolver(ModelCatalog catalog, ModelAccess access, ApplicationProfiles applicationProfiles,
			PromptRouters promptRouters, String account) {
		this.catalog = catalog;
		this.access = access;
		this.applicationProfiles = applicationProfiles;
		this.promptRouters = promptRouters;
		this.account = account;
	}

	/**
	 * Resolves {@code identifier} for a call from {@code region}.
	 * @param action the IAM action named when access is denied
	 * ({@code bedrock:InvokeModel})
	 * @param identifier the model ID, profile ID or ARN of the call
	 * @param region the region of the call
	 * @return what the identifier calls
	 * @throws BedrockError the error Bedrock answers with
	 */
	ResolvedTarget resolve(String identifier, String region, String action) {
		return resolve(identifier, region, action, new byte[0]);
	}

	/**
	 * Resolves {@code identifier} for a call from {@code region} with {@code body}: a
	 * prompt router picks the model that answers from the body.
	 * @param identifier the model ID, profile ID or ARN of the call
	 * @param region the region of the call
	 * @param action the IAM action named when access is denied
	 * @param body the request body
	 * @return what the identifier calls
	 * @throws BedrockError the error Bedrock answers with
	 */
	ResolvedTarget resolve(String identifier, String region, String action, byte[] body) {
		ResolvedTarget target = resolveIdentifier(identifier, region, action, body);
		this.access.refuseEndOfLife(target.model());
		return target;
	}

	private ResolvedTarget resolveIdentifier(String identifier, String region, String action, byte[] body) {
		if (identifier.startsWith("arn:")) {
			return resolveArn(identifier, region, action, body);
		}
		Optional<ModelInfo> model = this.catalog.find(identifier);
		if (model.isPresent()) {
			return direct(model.get(), identifier, region);
		}
		if (ModelIds.isSystemProfileId(identifier)) {
			return systemProfile(identifier, identifier, region);
		}
		throw BedrockError.invalidIdentifier();
	}

	private ResolvedTarget direct(ModelInfo model, String identifier, String region) {
		this.access.refuseEndOfLife(model);
		if (!this.access.isOffered(model, region)) {
			// A model the region does not offer at all: ValidationException "The provided
			// model identifier is invalid." (Nova Canvas called in us-west-2,
			// https://github.com/aws-samples/amazon-bedrock-workshop/issues/340).
			throw BedrockError.invalidIdentifier();
		}
		if (this.access.needsProfile(model, region)) {
			throw BedrockError.validation(String.format(ON_DEMAND_REFUSED, model.modelId()));
		}
		TargetKind kind = identifier.startsWith("arn:") ? TargetKind.FOUNDATION_MODEL_ARN : TargetKind.DIRECT;
		return new ResolvedTarget(model, identifier, kind);
	}

	private ResolvedTarget systemProfile(String profileId, String identifier, String region) {
		String prefix = profileId.substring(0, profileId.indexOf('.'));
		ModelInfo model = this.catalog.find(profileId.substring(prefix.length() + 1))
			.filter((candidate) -> candidate.hasGeo(prefix))
			.orElseThrow(BedrockError::invalidIdentifier);
		Geography geography = this.catalog.geographies().find(prefix).orElseThrow(BedrockError::invalidIdentifier);
		// the model's source regions of the geography (its own list, or the geography's)
		if (!model.servedFrom(geography, region)) {
			throw BedrockError.invalidIdentifier();
		}
		TargetKind kind = identifier.startsWith("arn:") ? TargetKind.PROFILE_ARN : TargetKind.SYSTEM_PROFILE;
		return new ResolvedTarget(model, identifier, kind);
	}

	private ResolvedTarget resolveArn(String identifier, String region, String action, byte[] body) {
		BedrockArn arn;
		try {
			arn = BedrockArn.parse(identifier);
		}
		catch (InvalidTargetException ex) {
			throw BedrockError.invalidIdentifier();
		}
		if (arn.hasTemplate()) {
			// An unresolved {account} or {region} reached the wire: Bedrock sees an
			// invalid ARN.
			throw BedrockError.invalidIdentifier();
		}
		if (!arn.region().equals(region)) {
			throw BedrockError.validation("The provided model identifier is invalid: ARN " + identifier
					+ " is in region " + arn.region() + ", but the request was sent to region " + region
					+ ". Send the request to " + arn.region() + ".");
		}
		if (arn.kind() == TargetKind.FOUNDATION_MODEL_ARN) {
			ModelInfo model = this.catalog.find(arn.resourceId()).orElseThrow(BedrockError::invalidIdentifier);
			return direct(model, identifier, region);
		}
		if (!arn.account().equals(this.account)) {
			throw BedrockError.accessDenied("User: " + Arns.caller(region, this.account)
					+ " is not authorized to perform: " + action + " on resource: " + identifier
					+ " because no resource-based policy allows the " + action + " action");
		}
		return switch (arn.kind()) {
			case PROFILE_ARN -> systemProfile(arn.resourceId(), identifier, region);
			case APPLICATION_PROFILE_ARN -> this.applicationProfiles.byArn(identifier)
				.map((profile) -> new ResolvedTarget(profile.model(), identifier, TargetKind.APPLICATION_PROFILE_ARN))
				.orElseThrow(BedrockError::invalidIdentifier);
			case PROMPT_ROUTER_ARN -> this.promptRouters.byArn(identifier)
				.map((router) -> new ResolvedTarget(PromptRouters.route(router, body), identifier,
						TargetKind.PROMPT_ROUTER_ARN))
				.orElseThrow(BedrockError::invalidIdentifier);
			// Provisioned, custom and imported models cannot be created in the emulator.
			default -> throw BedrockError.invalidIdentifier();
		};
	}

}
