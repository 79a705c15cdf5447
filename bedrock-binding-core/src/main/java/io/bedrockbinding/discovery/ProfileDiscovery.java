package io.bedrockbinding.discovery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.bedrockbinding.catalog.CatalogSource;
import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.Lifecycle;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.client.ClientSettings;
import io.bedrockbinding.client.RegionalClients;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycle;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycleStatus;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.GetInferenceProfileResponse;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileModel;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrock.model.ListInferenceProfilesResponse;
import software.amazon.awssdk.services.bedrock.model.ListPromptRoutersResponse;
import software.amazon.awssdk.services.bedrock.model.PromptRouterSummary;
import software.amazon.awssdk.services.bedrock.model.PromptRouterTargetModel;

/**
 * Reads the Bedrock control plane of the account: foundation models, system-defined and
 * application inference profiles (every page), what each application profile contains,
 * and the prompt routers (ListPromptRouters, every page). An endpoint that answers a page
 * token a second time ends the listing with an {@code SdkClientException}, not an endless
 * loop ({@link Pages}). From that it suggests bindings for a region and can rebuild the
 * catalog.
 */
public final class ProfileDiscovery {

	/** The key of the catalog source that {@link #refreshCatalog} records. */
	public static final String API_SOURCE = "bedrock-api";

	private static final String API_URL = "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListFoundationModels.html";

	private final Function<String, BedrockClient> clients;

	private final ModelCatalog catalog;

	/**
	 * Discovery that asks the control plane through {@code clients}.
	 * @param clients the control-plane client of a region (for example a
	 * {@link #controlPlaneClients(ClientSettings)} pool)
	 * @param catalog the catalog whose geographies rank the profiles of a region
	 */
	public ProfileDiscovery(Function<String, BedrockClient> clients, ModelCatalog catalog) {
		this.clients = clients;
		this.catalog = catalog;
	}

	/**
	 * A pool of Bedrock control-plane clients, one per region, built with
	 * {@code settings}; the caller closes it.
	 * @param settings the endpoint, credentials and region chain of the clients (the
	 * region of each client is the region it serves)
	 * @return a pool that creates each region's client on first use
	 */
	public static RegionalClients<BedrockClient> controlPlaneClients(ClientSettings settings) {
		return new RegionalClients<>((region) -> settings.withRegion(region).applyTo(BedrockClient.builder()).build());
	}

	/**
	 * Every model and profile of {@code region}, and the bindings they suggest.
	 * @param region the region whose control plane is asked
	 * @return the models, the profiles (application ones with their models) and the
	 * suggested bindings
	 */
	public DiscoveryResult discover(String region) {
		BedrockClient client = this.clients.apply(region);
		List<String> warnings = new ArrayList<>();
		List<DiscoveredModel> models = foundationModels(client);
		List<DiscoveredProfile> profiles = new ArrayList<>(profiles(client, InferenceProfileType.SYSTEM_DEFINED));
		for (DiscoveredProfile application : profiles(client, InferenceProfileType.APPLICATION)) {
			profiles.add(withModels(client, application, warnings));
		}
		List<DiscoveredPromptRouter> routers = List.of();
		try {
			routers = promptRouters(client);
		}
		catch (AccessDeniedException ex) {
			// the routers are only listed, never suggested: the rest of the discovery
			// stands
			warnings.add("prompt routers in " + region + " not listed, the account refused ListPromptRouters "
					+ "(allow bedrock:ListPromptRouters to list them): " + ex.getMessage());
		}
		return new DiscoveryResult(region, models, profiles, suggest(region, models, profiles), routers, warnings);
	}

	/**
	 * Suggestions: a model that needs a profile in the region gets the system profile of
	 * the region's most specific geography; an application profile is suggested for the
	 * model it contains (it wins over the system profile: someone made it on purpose).
	 * @param region the region the suggestions are for
	 * @param models the foundation models the region lists
	 * @param profiles the region's system and application profiles
	 * @return one suggestion per model at most
	 */
	List<SuggestedBinding> suggest(String region, List<DiscoveredModel> models, List<DiscoveredProfile> profiles) {
		Map<String, DiscoveredProfile> systemProfiles = new LinkedHashMap<>();
		profiles.stream()
			.filter((profile) -> !profile.isApplication())
			.forEach((profile) -> systemProfiles.put(profile.id(), profile));
		Map<String, SuggestedBinding> suggestions = new LinkedHashMap<>();
		LocalDate today = Lifecycle.today(Clock.systemUTC());
		for (DiscoveredModel model : models) {
			// a model past its end of life is refused whatever it is bound to
			if (!model.needsProfile() || (model.lifecycle() != null && model.lifecycle().isEndOfLife(today))) {
				continue;
			}
			// a catalog model's own source regions of a geography replace the geography's
			Optional<ModelInfo> known = this.catalog.find(model.modelId());
			List<Geography> serving = known.isPresent() ? this.catalog.geographies().serving(region, known.get())
					: this.catalog.geographies().serving(region);
			for (Geography geography : serving) {
				String profileId = geography.profileId(model.modelId());
				if (systemProfiles.containsKey(profileId)) {
					suggestions.put(model.modelId(), new SuggestedBinding(model.modelId(), profileId,
							"needs an inference profile in " + region));
					break;
				}
			}
		}
		for (DiscoveredProfile profile : profiles) {
			if (profile.isApplication() && profile.modelIds().size() == 1) {
				String modelId = profile.modelIds().get(0);
				suggestions.put(modelId, new SuggestedBinding(modelId, profile.arn(),
						"application inference profile '" + profile.name() + "' contains it"));
			}
		}
		return List.copyOf(suggestions.values());
	}

	/**
	 * A catalog rebuilt from the live account: what the given regions report replaces
	 * what the current catalog says about those regions (on demand or profile-only, and
	 * the geographies that serve them); everything about other regions, the geographies
	 * and the models no region reports are kept, in the current catalog's order, with new
	 * models at the end. Refreshing from one region must not forget the others.
	 * @param regions the regions to ask
	 * @return the refreshed catalog
	 */
	public ModelCatalog refreshCatalog(Collection<String> regions) {
		return refreshCatalog(regions, Clock.systemUTC());
	}

	/**
	 * {@link #refreshCatalog(Collection)}, dating the source it records by {@code clock}.
	 * Known models keep their sources (and successors, which the API does not report);
	 * new models cite the control plane, recorded as the top-level source
	 * {@value #API_SOURCE} retrieved today.
	 * @param regions the regions to ask
	 * @param clock the clock of the source's date
	 * @return the refreshed catalog
	 */
	public ModelCatalog refreshCatalog(Collection<String> regions, Clock clock) {
		Set<String> asked = new LinkedHashSet<>(regions);
		List<DiscoveryResult> results = asked.stream().map(this::catalogFacts).toList();
		Map<String, RefreshedModel> models = new LinkedHashMap<>();
		for (DiscoveryResult result : results) {
			for (DiscoveredModel discovered : result.models()) {
				RefreshedModel model = models.computeIfAbsent(discovered.modelId(),
						(id) -> new RefreshedModel(discovered));
				model.provisionedOnly &= discovered.provisionedOnly();
				if (discovered.onDemand()) {
					model.onDemand.add(result.region());
				}
				else if (discovered.needsProfile() || discovered.provisionedOnly()) {
					// A provisioned-only model's regions are profile-only ones in the
					// catalog, as in the built-in one: the plain ID is refused there.
					model.profileOnly.add(result.region());
				}
			}
		}
		// Profiles only after every region's models: a region may list the profile of a
		// model that only a later region lists.
		for (DiscoveryResult result : results) {
			for (DiscoveredProfile profile : result.profiles()) {
				if (profile.isApplication()) {
					continue;
				}
				int dot = profile.id().indexOf('.');
				RefreshedModel model = (dot > 0) ? models.get(profile.id().substring(dot + 1)) : null;
				if (model != null) {
					model.profileSeen(profile.id().substring(0, dot), result.region());
				}
			}
		}
		List<ModelInfo> refreshed = new ArrayList<>();
		for (ModelInfo known : this.catalog.all()) {
			RefreshedModel model = models.remove(known.modelId());
			refreshed.add((model != null) ? model.toModelInfo(Optional.of(known), asked, this.catalog) : known);
		}
		models.values().forEach((model) -> refreshed.add(model.toModelInfo(Optional.empty(), asked, this.catalog)));
		List<CatalogSource> sources = new ArrayList<>();
		this.catalog.sources().stream().filter((source) -> !source.key().equals(API_SOURCE)).forEach(sources::add);
		sources.add(new CatalogSource(API_SOURCE,
				"ListFoundationModels and ListInferenceProfiles of the account (inference-config refresh-catalog)",
				API_URL, Lifecycle.today(clock)));
		return new ModelCatalog(refreshed, this.catalog.geographies(), sources);
	}

	/**
	 * What a catalog refresh needs of a region, and no more: its foundation models and
	 * system-defined profiles. Application profiles, what they contain and the prompt
	 * routers are the account's, not the catalog's; asking for them would also need
	 * permissions (bedrock:GetInferenceProfile, bedrock:ListPromptRouters) that the
	 * refresh does not say it uses.
	 * @param region the region whose control plane is asked
	 * @return the models and system profiles, without suggestions
	 */
	private DiscoveryResult catalogFacts(String region) {
		BedrockClient client = this.clients.apply(region);
		return new DiscoveryResult(region, foundationModels(client),
				profiles(client, InferenceProfileType.SYSTEM_DEFINED), List.of());
	}

	private static List<DiscoveredModel> foundationModels(BedrockClient client) {
		List<DiscoveredModel> models = new ArrayList<>();
		for (FoundationModelSummary summary : client.listFoundationModels((request) -> {
		}).modelSummaries()) {
			models.add(new DiscoveredModel(summary.modelId(), orEmpty(summary.modelName()),
					orEmpty(summary.providerName()), summary.inferenceTypesSupportedAsStrings(),
					Boolean.TRUE.equals(summary.responseStreamingSupported()), summary.inputModalitiesAsStrings(),
					summary.outputModalitiesAsStrings(), lifecycle(summary.modelLifecycle())));
		}
		return models;
	}

	private static List<DiscoveredProfile> profiles(BedrockClient client, InferenceProfileType type) {
		List<DiscoveredProfile> profiles = new ArrayList<>();
		Pages
			.all("ListInferenceProfiles",
					(token) -> client.listInferenceProfiles((request) -> request.typeEquals(type).nextToken(token)),
					ListInferenceProfilesResponse::nextToken)
			.forEach((page) -> page.inferenceProfileSummaries().forEach((summary) -> profiles.add(toProfile(summary))));
		return profiles;
	}

	/**
	 * Every prompt router of the region, default and configured, every page.
	 * @param client the region's control plane
	 * @return the routers
	 */
	private static List<DiscoveredPromptRouter> promptRouters(BedrockClient client) {
		List<DiscoveredPromptRouter> routers = new ArrayList<>();
		Pages
			.all("ListPromptRouters", (token) -> client.listPromptRouters((request) -> request.nextToken(token)),
					ListPromptRoutersResponse::nextToken)
			.forEach((page) -> page.promptRouterSummaries().forEach((summary) -> routers.add(toRouter(summary))));
		return routers;
	}

	private static DiscoveredPromptRouter toRouter(PromptRouterSummary summary) {
		return new DiscoveredPromptRouter(summary.promptRouterArn(), orEmpty(summary.promptRouterName()),
				orEmpty(summary.typeAsString()), orEmpty(summary.statusAsString()),
				(summary.fallbackModel() != null) ? orEmpty(summary.fallbackModel().modelArn()) : "",
				summary.models().stream().map(PromptRouterTargetModel::modelArn).toList());
	}

	/**
	 * An application profile with the models GetInferenceProfile names, or those of its
	 * ListInferenceProfiles summary where the account refuses GetInferenceProfile.
	 * @param client the region's control plane
	 * @param profile the profile as listed
	 * @param warnings where a refusal is reported
	 * @return the profile with its models
	 */
	private static DiscoveredProfile withModels(BedrockClient client, DiscoveredProfile profile,
			List<String> warnings) {
		GetInferenceProfileResponse response;
		try {
			response = client.getInferenceProfile((request) -> request.inferenceProfileIdentifier(profile.arn()));
		}
		catch (AccessDeniedException ex) {
			warnings.add("the account refused GetInferenceProfile of " + profile.arn()
					+ " (allow bedrock:GetInferenceProfile): its models are those ListInferenceProfiles gives: "
					+ ex.getMessage());
			return profile;
		}
		return new DiscoveredProfile(profile.id(), profile.arn(), profile.name(), profile.type(),
				response.statusAsString(), response.models().stream().map(InferenceProfileModel::modelArn).toList());
	}

	private static DiscoveredProfile toProfile(InferenceProfileSummary summary) {
		return new DiscoveredProfile(summary.inferenceProfileId(), summary.inferenceProfileArn(),
				orEmpty(summary.inferenceProfileName()), summary.typeAsString(), orEmpty(summary.statusAsString()),
				summary.models().stream().map(InferenceProfileModel::modelArn).toList());
	}

	/**
	 * The {@code modelLifecycle} of a summary: its status and the dates (days in UTC) the
	 * SDK has; the successor is not in the API.
	 * @param reported what the API reported
	 * @return the lifecycle, or {@code null} when none or an unknown status was reported
	 */
	private static @Nullable Lifecycle lifecycle(@Nullable FoundationModelLifecycle reported) {
		if (reported == null || reported.status() == null
				|| reported.status() == FoundationModelLifecycleStatus.UNKNOWN_TO_SDK_VERSION) {
			return null;
		}
		Lifecycle.Status status = (reported.status() == FoundationModelLifecycleStatus.LEGACY) ? Lifecycle.Status.LEGACY
				: Lifecycle.Status.ACTIVE;
		return new Lifecycle(status, day(reported.legacyTime()), day(reported.publicExtendedAccessTime()),
				day(reported.endOfLifeTime()), null);
	}

	private static @Nullable LocalDate day(@Nullable Instant instant) {
		return (instant != null) ? LocalDate.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	private static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

}
