package io.bedrockbinding.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.identifier.BedrockArn;
import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.identifier.ModelIds;
import io.bedrockbinding.identifier.TargetKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bedrock control plane: ListFoundationModels, GetFoundationModel,
 * ListInferenceProfiles and GetInferenceProfile, all seen from the caller's region.
 */
final class ControlPlaneApi {

	/** When the emulated system-defined profiles were "created". */
	private static final Instant SYSTEM_PROFILES_CREATED = Instant.parse("2024-08-27T00:00:00Z");

	private static final int MAX_RESULTS = 1000;

	/** Provider names as the console and {@code providerName} spell them. */
	private static final Map<String, String> PROVIDER_NAMES = Map.ofEntries(Map.entry("ai21", "AI21 Labs"),
			Map.entry("amazon", "Amazon"), Map.entry("anthropic", "Anthropic"), Map.entry("cohere", "Cohere"),
			Map.entry("deepseek", "DeepSeek"), Map.entry("luma", "Luma AI"), Map.entry("meta", "Meta"),
			Map.entry("mistral", "Mistral AI"), Map.entry("openai", "OpenAI"), Map.entry("qwen", "Qwen"),
			Map.entry("stability", "Stability AI"), Map.entry("twelvelabs", "TwelveLabs"),
			Map.entry("writer", "Writer"), Map.entry("moonshot", "Moonshot AI"), Map.entry("minimax", "MiniMax"),
			Map.entry("google", "Google"), Map.entry("nvidia", "NVIDIA"));

	private final ModelCatalog catalog;

	private final ModelAccess access;

	private final ApplicationProfiles applicationProfiles;

	private final String account;

	ControlPlaneApi(ModelCatalog catalog, ModelAccess access, ApplicationProfiles applicationProfiles, String account) {
		this.catalog = catalog;
		this.access = access;
		this.applicationProfiles = applicationProfiles;
		this.account = account;
	}

	Answer listFoundationModels(Call call) {
		String provider = blankToNull(call.parameters().get("byProvider"));
		String inferenceType = FoundationModelFilter.BY_INFERENCE_TYPE.of(call.parameters());
		String outputModality = FoundationModelFilter.BY_OUTPUT_MODALITY.of(call.parameters());
		// the catalog knows no customization of any model: a valid type lists none
		String customizationType = FoundationModelFilter.BY_CUSTOMIZATION_TYPE.of(call.parameters());
		ObjectNode reply = Json.newObject();
		ArrayNode summaries = reply.putArray("modelSummaries");
		for (ModelInfo model : this.catalog.all()) {
			if (!listedIn(model, call.region()) || customizationType != null
					|| (provider != null && !provider.equalsIgnoreCase(model.provider())
							&& !provider.equalsIgnoreCase(providerName(model)))
					|| (outputModality != null && !model.outputModalities().contains(outputModality))) {
				continue;
			}
			List<String> types = this.access.inferenceTypes(model, call.region(), this.catalog.geographies());
			if (inferenceType != null && !types.contains(inferenceType)) {
				continue;
			}
			summaries.add(model(model, call.region(), types));
		}
		return Answers.json(reply);
	}

	Answer getFoundationModel(Call call) {
		String identifier = call.requireResource();
		String modelId = identifier;
		if (identifier.startsWith("arn:")) {
			try {
				BedrockArn arn = BedrockArn.parse(identifier);
				modelId = (arn.kind() == TargetKind.FOUNDATION_MODEL_ARN) ? arn.resourceId() : "";
			}
			catch (InvalidTargetException ex) {
				throw BedrockError.validation(BedrockError.INVALID_IDENTIFIER);
			}
		}
		ModelInfo model = this.catalog.find(modelId)
			.filter((candidate) -> listedIn(candidate, call.region()))
			.orElseThrow(() -> BedrockError
				.notFound("Could not resolve the foundation model from the provided model identifier."));
		this.access.refuseEndOfLife(model);
		ObjectNode reply = Json.newObject();
		reply.set("modelDetails", model(model, call.region(),
				this.access.inferenceTypes(model, call.region(), this.catalog.geographies())));
		return Answers.json(reply);
	}

	Answer listInferenceProfiles(Call call) {
		String type = call.parameters().getOrDefault("type", "SYSTEM_DEFINED");
		List<ObjectNode> profiles = switch (type) {
			case "SYSTEM_DEFINED" -> systemProfiles(call.region());
			case "APPLICATION" ->
				this.applicationProfiles.inRegion(call.region()).stream().map(this::applicationProfile).toList();
			default -> throw BedrockError.validation("1 validation error detected: Value '" + type
					+ "' at 'typeEquals' failed to satisfy constraint: Member must satisfy enum value set: [SYSTEM_DEFINED, APPLICATION]");
		};
		int maxResults = maxResults(call.parameters().get("maxResults"));
		int offset = offset(call.parameters().get("nextToken"), type);
		int end = Math.min(profiles.size(), offset + maxResults);
		ObjectNode reply = Json.newObject();
		ArrayNode summaries = reply.putArray("inferenceProfileSummaries");
		for (int i = offset; i < end; i++) {
			summaries.add(profiles.get(i));
		}
		if (end < profiles.size()) {
			reply.put("nextToken", token(end, type));
		}
		return Answers.json(reply);
	}

	Answer getInferenceProfile(Call call) {
		String identifier = call.requireResource();
		String region = call.region();
		Optional<ObjectNode> profile;
		if (identifier.startsWith("arn:")) {
			BedrockArn arn;
			try {
				arn = BedrockArn.parse(identifier);
			}
			catch (InvalidTargetException ex) {
				throw BedrockError.validation("The provided inference profile identifier is invalid: " + identifier);
			}
			if (!arn.region().equals(region)) {
				throw notFound(identifier, region);
			}
			if (!arn.account().equals(this.account)) {
				throw BedrockError.accessDenied("User: " + Arns.caller(region, this.account)
						+ " is not authorized to perform: bedrock:GetInferenceProfile on resource: " + identifier
						+ " because no resource-based policy allows the bedrock:GetInferenceProfile action");
			}
			profile = switch (arn.kind()) {
				case PROFILE_ARN -> systemProfile(arn.resourceId(), region);
				case APPLICATION_PROFILE_ARN ->
					this.applicationProfiles.byArn(identifier).map(this::applicationProfile);
				default -> throw BedrockError
					.validation("The provided inference profile identifier is invalid: " + identifier);
			};
		}
		else if (ModelIds.isSystemProfileId(identifier)) {
			profile = systemProfile(identifier, region);
		}
		else {
			profile = this.applicationProfiles.byId(identifier, region).map(this::applicationProfile);
		}
		return Answers.json(profile.orElseThrow(() -> notFound(identifier, region)));
	}

	/**
	 * Whether ListFoundationModels in {@code region} shows the model.
	 * @param model the catalog model
	 * @param region the region of the call
	 * @return whether the model is listed there
	 */
	private boolean listedIn(ModelInfo model, String region) {
		return this.access.isOffered(model, region);
	}

	private ObjectNode model(ModelInfo model, String region, List<String> inferenceTypes) {
		ObjectNode node = Json.newObject();
		node.put("modelArn", Arns.foundationModel(region, model.modelId()));
		node.put("modelId", model.modelId());
		node.put("modelName", model.displayName());
		node.put("providerName", providerName(model));
		strings(node.putArray("inputModalities"), model.inputModalities());
		strings(node.putArray("outputModalities"), model.outputModalities());
		node.put("responseStreamingSupported", model.streaming());
		node.putArray("customizationsSupported");
		strings(node.putArray("inferenceTypesSupported"), inferenceTypes);
		ObjectNode lifecycle = node.putObject("modelLifecycle");
		lifecycle.put("status", this.access.status(model).name());
		// Timestamps in ISO 8601, as the SDK's FoundationModelLifecycle reads them.
		putDate(lifecycle, "legacyTime", model.lifecycle().legacy());
		putDate(lifecycle, "publicExtendedAccessTime", model.lifecycle().publicExtendedAccess());
		putDate(lifecycle, "endOfLifeTime", model.lifecycle().endOfLife());
		return node;
	}

	private List<ObjectNode> systemProfiles(String region) {
		List<ObjectNode> profiles = new ArrayList<>();
		for (ModelInfo model : this.catalog.all()) {
			for (String prefix : model.geoPrefixes()) {
				this.catalog.geographies()
					.find(prefix)
					.filter((geography) -> model.servedFrom(geography, region))
					.ifPresent((geography) -> profiles.add(systemProfile(model, geography, region)));
			}
		}
		return profiles;
	}

	private Optional<ObjectNode> systemProfile(String profileId, String region) {
		if (!ModelIds.isSystemProfileId(profileId)) {
			return Optional.empty();
		}
		String prefix = profileId.substring(0, profileId.indexOf('.'));
		Optional<ModelInfo> model = this.catalog.find(profileId.substring(prefix.length() + 1))
			.filter((candidate) -> candidate.hasGeo(prefix));
		Optional<Geography> geography = this.catalog.geographies()
			.find(prefix)
			.filter((candidate) -> model.isPresent() && model.get().servedFrom(candidate, region));
		if (geography.isEmpty() || model.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(systemProfile(model.get(), geography.get(), region));
	}

	private ObjectNode systemProfile(ModelInfo model, Geography geography, String region) {
		String id = geography.profileId(model.modelId());
		List<String> destinations = model.sourceRegions(geography);
		List<String> modelArns = destinations.stream()
			.map((destination) -> Arns.foundationModel(destination, model.modelId()))
			.toList();
		return profile(id, Arns.inferenceProfile(region, this.account, id),
				geography.prefix().toUpperCase(Locale.ROOT) + " " + model.displayName(),
				"Routes requests to " + model.displayName() + " in " + String.join(", ", destinations) + ".",
				SYSTEM_PROFILES_CREATED, modelArns, "SYSTEM_DEFINED");
	}

	private ObjectNode applicationProfile(ApplicationProfile profile) {
		return profile(profile.id(), profile.arn(), profile.name(),
				"Application inference profile for " + profile.model().displayName() + ".", profile.createdAt(),
				profile.modelArns(), "APPLICATION");
	}

	private static ObjectNode profile(String id, String arn, String name, String description, Instant createdAt,
			List<String> modelArns, String type) {
		ObjectNode node = Json.newObject();
		node.put("inferenceProfileName", name);
		node.put("description", description);
		node.put("createdAt", createdAt.toString());
		node.put("updatedAt", createdAt.toString());
		node.put("inferenceProfileArn", arn);
		ArrayNode models = node.putArray("models");
		modelArns.forEach((modelArn) -> models.addObject().put("modelArn", modelArn));
		node.put("inferenceProfileId", id);
		node.put("status", "ACTIVE");
		node.put("type", type);
		return node;
	}

	private static int maxResults(@Nullable String text) {
		if (text == null) {
			return MAX_RESULTS;
		}
		try {
			int value = Integer.parseInt(text);
			if (value >= 1 && value <= MAX_RESULTS) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw BedrockError.validation("1 validation error detected: Value '" + text
				+ "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and "
				+ MAX_RESULTS);
	}

	/**
	 * Page tokens are opaque to callers: the offset and the list they belong to.
	 * @param offset the index of the first item of the next page
	 * @param type the profile type the list is of, {@code SYSTEM_DEFINED} or
	 * {@code APPLICATION}
	 * @return the page token
	 */
	private static String token(int offset, String type) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((type + ":" + offset).getBytes(StandardCharsets.UTF_8));
	}

	private static int offset(@Nullable String token, String type) {
		if (token == null || token.isEmpty()) {
			return 0;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			if (decoded.startsWith(type + ":")) {
				int offset = Integer.parseInt(decoded.substring(type.length() + 1));
				if (offset >= 0) {
					return offset;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw BedrockError.validation("The provided pagination token is invalid.");
	}

	private static void putDate(ObjectNode node, String field, @Nullable LocalDate date) {
		if (date != null) {
			node.put(field, date.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
		}
	}

	/**
	 * The catalog's {@code providerName}; for a model without one, a spelling of the
	 * provider (the names Bedrock is known to use, else the provider capitalised).
	 * @param model the catalog model
	 * @return the provider name
	 */
	private static String providerName(ModelInfo model) {
		if (model.providerName() != null) {
			return model.providerName();
		}
		String name = PROVIDER_NAMES.get(model.provider());
		if (name != null) {
			return name;
		}
		return model.provider().isEmpty() ? model.provider()
				: Character.toUpperCase(model.provider().charAt(0)) + model.provider().substring(1);
	}

	private static void strings(ArrayNode array, List<String> values) {
		values.forEach(array::add);
	}

	private static BedrockError notFound(String identifier, String region) {
		return BedrockError.notFound("The inference profile " + identifier + " couldn't be found in " + region + ".");
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
