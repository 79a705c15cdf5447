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
import java.util.function.Predicate;

import io.bedrockbinding.catalog.CatalogSource;
import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.Lifecycle;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.client.ClientSettings;
import io.bedrockbinding.client.RegionalClients;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycle;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycleStatus;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.GetInferenceProfileResponse;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileModel;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;

/**
 * Reads the Bedrock control plane of the account: foundation models, system-defined and
 * application inference profiles (every page), and what each application profile
 * contains. From that it suggests bindings for a region and can rebuild the catalog.
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
		List<DiscoveredModel> models = foundationModels(client);
		List<DiscoveredProfile> profiles = new ArrayList<>(profiles(client, InferenceProfileType.SYSTEM_DEFINED));
		for (DiscoveredProfile application : profiles(client, InferenceProfileType.APPLICATION)) {
			profiles.add(withModels(client, application));
		}
		return new DiscoveryResult(region, models, profiles, suggest(region, models, profiles));
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
		for (DiscoveredModel model : models) {
			if (!model.needsProfile()) {
				continue;
			}
			for (Geography geography : this.catalog.geographies().serving(region)) {
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
		List<DiscoveryResult> results = asked.stream().map(this::discover).toList();
		Map<String, MutableModel> models = new LinkedHashMap<>();
		for (DiscoveryResult result : results) {
			for (DiscoveredModel discovered : result.models()) {
				MutableModel model = models.computeIfAbsent(discovered.modelId(), (id) -> new MutableModel(discovered));
				model.provisionedOnly &= discovered.provisionedOnly();
				if (discovered.onDemand()) {
					model.onDemand.add(result.region());
				}
				else if (discovered.needsProfile()) {
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
				MutableModel model = (dot > 0) ? models.get(profile.id().substring(dot + 1)) : null;
				if (model != null) {
					model.geos.add(profile.id().substring(0, dot));
				}
			}
		}
		List<ModelInfo> refreshed = new ArrayList<>();
		for (ModelInfo known : this.catalog.all()) {
			MutableModel model = models.remove(known.modelId());
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
		client.listInferenceProfilesPaginator((request) -> request.typeEquals(type))
			.inferenceProfileSummaries()
			.forEach((summary) -> profiles.add(toProfile(summary)));
		return profiles;
	}

	private static DiscoveredProfile withModels(BedrockClient client, DiscoveredProfile profile) {
		GetInferenceProfileResponse response = client
			.getInferenceProfile((request) -> request.inferenceProfileIdentifier(profile.arn()));
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

	/** A model being put together from several regions' answers. */
	private static final class MutableModel {

		final DiscoveredModel discovered;

		final Set<String> onDemand = new LinkedHashSet<>();

		final Set<String> profileOnly = new LinkedHashSet<>();

		final Set<String> geos = new LinkedHashSet<>();

		/** Whether every region that lists it serves it only provisioned. */
		boolean provisionedOnly = true;

		MutableModel(DiscoveredModel discovered) {
			this.discovered = discovered;
		}

		ModelInfo toModelInfo(Optional<ModelInfo> known, Set<String> asked, ModelCatalog catalog) {
			String modelId = this.discovered.modelId();
			String provider = modelId.substring(0, Math.max(modelId.indexOf('.'), 0));
			boolean needsProfileElsewhere = known.map(ModelInfo::needsProfileElsewhere)
				.orElse(this.onDemand.isEmpty() && !this.profileOnly.isEmpty());
			// A known geography is dropped only if an asked region could have shown its
			// profile.
			List<String> geos = merge(known.map(ModelInfo::geoPrefixes).orElse(List.of()), this.geos,
					(geo) -> catalog.geographies()
						.find(geo)
						.map((geography) -> asked.stream().noneMatch(geography::serves))
						.orElse(true));
			String providerName = this.discovered.provider().isEmpty() ? known.map(ModelInfo::providerName).orElse(null)
					: this.discovered.provider();
			boolean provisionedOnly = known.map(ModelInfo::provisionedOnly)
				.orElse(this.provisionedOnly && this.onDemand.isEmpty() && this.profileOnly.isEmpty());
			return new ModelInfo(modelId, provider,
					this.discovered.name().isEmpty() ? known.map(ModelInfo::displayName).orElse(modelId)
							: this.discovered.name(),
					merge(known.map(ModelInfo::onDemandRegions).orElse(List.of()), this.onDemand,
							(region) -> !asked.contains(region)),
					merge(known.map(ModelInfo::profileOnlyRegions).orElse(List.of()), this.profileOnly,
							(region) -> !asked.contains(region)),
					geos, needsProfileElsewhere, this.discovered.streaming(), this.discovered.inputModalities(),
					this.discovered.outputModalities(), providerName, provisionedOnly,
					lifecycle(known.map(ModelInfo::lifecycle).orElse(Lifecycle.ACTIVE)),
					known.map(ModelInfo::sources).orElse(List.of(API_SOURCE)));
		}

		/**
		 * What the API reported replaces the status and the dates it has; the known dates
		 * it lacks and the successor (never in the API) are kept.
		 * @param known the catalog's lifecycle
		 * @return the merged lifecycle
		 */
		private Lifecycle lifecycle(Lifecycle known) {
			Lifecycle reported = this.discovered.lifecycle();
			if (reported == null) {
				return known;
			}
			return new Lifecycle(reported.status(), or(reported.legacy(), known.legacy()),
					or(reported.publicExtendedAccess(), known.publicExtendedAccess()),
					or(reported.endOfLife(), known.endOfLife()), known.successor());
		}

		private static @Nullable LocalDate or(@Nullable LocalDate reported, @Nullable LocalDate known) {
			return (reported != null) ? reported : known;
		}

		/**
		 * The known values that were seen again or that this refresh could not see
		 * ({@code unseen}), in their known order, then the newly seen ones.
		 * @param known the values the catalog had
		 * @param seen the values this refresh saw
		 * @param unseen whether a known value is one this refresh could not have seen
		 * @return the merged values
		 */
		private static List<String> merge(List<String> known, Set<String> seen, Predicate<String> unseen) {
			Set<String> merged = new LinkedHashSet<>();
			for (String value : known) {
				if (seen.contains(value) || unseen.test(value)) {
					merged.add(value);
				}
			}
			merged.addAll(seen);
			return List.copyOf(merged);
		}

	}

}
