package io.bedrockbinding.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.discovery.DiscoveredModel;
import io.bedrockbinding.discovery.DiscoveredProfile;
import io.bedrockbinding.discovery.DiscoveryResult;
import io.bedrockbinding.discovery.ProfileDiscovery;
import io.bedrockbinding.discovery.SuggestedBinding;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.OriginKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrock.model.ListInferenceProfilesRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ProfileDiscovery over the real control-plane client: pages, suggestions, layer, catalog
 * refresh.
 */
class ProfileDiscoveryTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	private static final int PAGE_SIZE = 7;

	private final Map<String, BedrockClient> clients = new ConcurrentHashMap<>();

	@AfterEach
	void closeClients() {
		this.clients.values().forEach(BedrockClient::close);
	}

	/**
	 * Control-plane clients whose ListInferenceProfiles pages hold {@value #PAGE_SIZE}
	 * profiles.
	 */
	private Function<String, BedrockClient> smallPages() {
		ExecutionInterceptor pageSize = new ExecutionInterceptor() {

			@Override
			public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
				if (context.request() instanceof ListInferenceProfilesRequest list) {
					return list.toBuilder().maxResults(PAGE_SIZE).build();
				}
				return context.request();
			}

		};
		return (region) -> this.clients.computeIfAbsent(region,
				(name) -> bedrock.clients()
					.controlPlaneBuilder(name)
					.overrideConfiguration((override) -> override.addExecutionInterceptor(pageSize))
					.build());
	}

	private ProfileDiscovery discovery() {
		return new ProfileDiscovery(smallPages(), Fixture.catalog());
	}

	/** Every profile of one type in one region, asked in one page of up to 1,000. */
	private Set<String> profileIdsInOnePage(String region, InferenceProfileType type) {
		try (BedrockClient client = bedrock.clients().controlPlane(region)) {
			return client.listInferenceProfiles((request) -> request.typeEquals(type).maxResults(1000))
				.inferenceProfileSummaries()
				.stream()
				.map((summary) -> summary.inferenceProfileId())
				.collect(Collectors.toSet());
		}
	}

	@Test
	void discoveryWalksEveryPageOfBothProfileTypes() {
		for (int i = 0; i < 9; i++) {
			bedrock.createApplicationProfile("team-" + i, (i % 2 == 0) ? Fixture.HAIKU : "us.amazon.nova-pro-v1:0",
					"us-east-1");
		}
		Set<String> systemIds = profileIdsInOnePage("us-east-1", InferenceProfileType.SYSTEM_DEFINED);
		Set<String> applicationIds = profileIdsInOnePage("us-east-1", InferenceProfileType.APPLICATION);
		assertThat(systemIds).hasSizeGreaterThan(3 * PAGE_SIZE);
		assertThat(applicationIds).hasSize(9);
		int earlierLists = bedrock.get().journal("ListInferenceProfiles").size();

		DiscoveryResult result = discovery().discover("us-east-1");

		List<JournalEntry> all = bedrock.get().journal("ListInferenceProfiles");
		List<JournalEntry> lists = all.subList(earlierLists, all.size());
		int systemPages = (systemIds.size() + PAGE_SIZE - 1) / PAGE_SIZE;
		assertThat(lists).hasSize(systemPages + 2);
		assertThat(lists).allSatisfy((call) -> assertThat(call.body()).contains("maxResults=" + PAGE_SIZE));
		assertThat(lists).filteredOn((call) -> call.body().contains("nextToken=")).hasSize(systemPages - 1 + 1);
		assertThat(result.profiles()).filteredOn((profile) -> !profile.isApplication())
			.extracting(DiscoveredProfile::id)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(systemIds);
		assertThat(result.profiles()).filteredOn(DiscoveredProfile::isApplication)
			.extracting(DiscoveredProfile::id)
			.containsExactlyInAnyOrderElementsOf(applicationIds);
		// Each application profile is asked which models it contains.
		assertThat(bedrock.get().journal("GetInferenceProfile")).hasSize(9);
		assertThat(bedrock.get().journal("ListFoundationModels")).hasSize(1);
		assertThat(result.region()).isEqualTo("us-east-1");
	}

	@Test
	void modelsThatNeedAProfileGetTheSystemProfileOfTheMostSpecificGeography() {
		DiscoveryResult virginia = discovery().discover("us-east-1");
		DiscoveryResult tokyo = discovery().discover("ap-northeast-1");

		Map<String, String> inVirginia = targets(virginia);
		assertThat(inVirginia).containsEntry(Fixture.DEEPSEEK, "us.deepseek.r1-v1:0")
			.containsEntry("anthropic.claude-haiku-4-5-20251001-v1:0", "us.anthropic.claude-haiku-4-5-20251001-v1:0")
			// Claude 3.7 Sonnet and Nova Pro are In-Region in us-east-1
			.doesNotContainKey(Fixture.SONNET_37)
			.doesNotContainKey(Fixture.NOVA_PRO)
			.doesNotContainKey(Fixture.LLAMA);
		// Tokyo: the jp geography (the Haiku 4.5 model card names jp.) before apac and
		// global
		assertThat(targets(tokyo)).containsEntry("anthropic.claude-haiku-4-5-20251001-v1:0",
				"jp.anthropic.claude-haiku-4-5-20251001-v1:0");
		for (DiscoveryResult result : List.of(virginia, tokyo)) {
			Set<String> needProfile = result.models()
				.stream()
				.filter(DiscoveredModel::needsProfile)
				.map(DiscoveredModel::modelId)
				.collect(Collectors.toSet());
			assertThat(needProfile).isNotEmpty();
			assertThat(result.suggestions()).allSatisfy((suggestion) -> {
				assertThat(needProfile).contains(suggestion.modelId());
				assertThat(suggestion.target())
					.isEqualTo(Fixture.catalog().systemProfileFor(suggestion.modelId(), result.region()).orElseThrow());
			});
		}
		DiscoveredModel llama = virginia.models()
			.stream()
			.filter((model) -> model.modelId().equals(Fixture.LLAMA))
			.findFirst()
			.orElseThrow();
		assertThat(llama.onDemand()).isTrue();
		assertThat(llama.provider()).isNotBlank();
	}

	@Test
	void applicationProfilesAreSuggestedForTheirModel() {
		String haiku = bedrock.createApplicationProfile("haiku-team", Fixture.HAIKU, "us-east-1");
		String sonnet = bedrock.createApplicationProfile("sonnet-team", "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
				"us-east-1");

		DiscoveryResult result = discovery().discover("us-east-1");

		assertThat(targets(result)).containsEntry(Fixture.HAIKU, haiku)
			// made on purpose, so it wins over the system profile
			.containsEntry(Fixture.SONNET_37, sonnet)
			.containsEntry(Fixture.DEEPSEEK, "us.deepseek.r1-v1:0");
		DiscoveredProfile sonnetProfile = result.profiles()
			.stream()
			.filter((profile) -> profile.arn().equals(sonnet))
			.findFirst()
			.orElseThrow();
		assertThat(sonnetProfile.modelIds()).containsExactly(Fixture.SONNET_37);
		assertThat(sonnetProfile.modelArns()).hasSizeGreaterThan(1);
		assertThat(result.suggestions()).filteredOn((suggestion) -> suggestion.modelId().equals(Fixture.HAIKU))
			.singleElement()
			.satisfies((suggestion) -> assertThat(suggestion.reason()).contains("haiku-team"));
	}

	@Test
	void suggestionsFeedTheRegistrysDiscoveredLayer() {
		String haiku = bedrock.createApplicationProfile("haiku-team", Fixture.HAIKU, "us-east-1");
		DiscoveryResult result = discovery().discover("us-east-1");
		BindingRegistry registry = Fixture.directRegistry("us-east-1");

		registry.setLayer(OriginKind.DISCOVERED, result.asLayer());

		Binding deepseek = registry.resolve(Fixture.DEEPSEEK);
		assertThat(deepseek.origin().kind()).isEqualTo(OriginKind.DISCOVERED);
		assertThat(deepseek.origin().source()).contains("discovery in us-east-1");
		assertThat(deepseek.target().value()).isEqualTo("us.deepseek.r1-v1:0");
		assertThat(registry.resolve(Fixture.HAIKU).target().value()).isEqualTo(haiku);
		bedrock.get().reset();
		bedrock.createApplicationProfile("haiku-team", Fixture.HAIKU, "us-east-1");
		try (BedrockPipeFactory factory = Fixture.factory(bedrock.get(), registry).build()) {
			PipeResult viaProfile = factory.pipe(Fixture.DEEPSEEK).execute("discovered");
			PipeResult viaApplication = factory.pipe(Fixture.HAIKU).execute("discovered");
			registry.bind(Fixture.HAIKU, "");
			PipeResult runtimeWins = factory.pipe(Fixture.HAIKU).execute("runtime");

			assertThat(viaProfile.invokedTarget()).isEqualTo("us.deepseek.r1-v1:0");
			assertThat(viaApplication.invokedTarget()).isEqualTo(haiku);
			assertThat(runtimeWins.invokedTarget()).isEqualTo(Fixture.HAIKU);
			assertThat(bedrock.get().journal("Converse"))
				.allSatisfy((call) -> assertThat(call.status()).isEqualTo(200));
		}
	}

	@Test
	void refreshedCatalogMatchesTheAccountAndSurvivesWriteAndRead() throws Exception {
		List<String> asked = List.of("us-east-1", "eu-west-1");
		ProfileDiscovery discovery = discovery();
		ModelCatalog current = Fixture.catalog();

		ModelCatalog refreshed = discovery.refreshCatalog(asked);
		Set<String> provisionedOnly = new HashSet<>();

		assertThat(bedrock.get().journal("ListFoundationModels")).extracting(JournalEntry::region)
			.containsExactlyElementsOf(asked);
		for (String region : asked) {
			List<DiscoveredModel> listed = discovery.discover(region).models();
			assertThat(listed).isNotEmpty();
			for (DiscoveredModel model : listed) {
				ModelInfo info = refreshed.find(model.modelId()).orElseThrow();
				assertThat(info.needsProfile(region)).as(model.modelId() + " in " + region)
					.isEqualTo(current.find(model.modelId()).orElseThrow().needsProfile(region));
				if (model.onDemand()) {
					assertThat(info.onDemandRegions()).contains(region);
				}
				if (model.provisionedOnly()) {
					provisionedOnly.add(model.modelId());
					assertThat(info.availableIn(region)).as(model.modelId() + " in " + region).isTrue();
				}
			}
		}
		assertThat(provisionedOnly).as("models listed as PROVISIONED only").isNotEmpty();
		ModelInfo nova = refreshed.find(Fixture.NOVA_PRO).orElseThrow();
		assertThat(nova.onDemandRegions()).contains("us-east-1");
		assertThat(nova.profileOnlyRegions()).contains("eu-west-1");
		assertThat(nova.geoPrefixes()).contains("us", "eu");
		assertThat(nova.displayName()).isEqualTo("Nova Pro");
		// What the asked regions cannot tell is kept: other regions, other geographies,
		// the order.
		assertThat(refreshed.all()).extracting(ModelInfo::modelId)
			.containsExactlyElementsOf(current.all().stream().map(ModelInfo::modelId).toList());
		for (ModelInfo known : current.all()) {
			ModelInfo info = refreshed.find(known.modelId()).orElseThrow();
			assertThat(new HashSet<>(info.geoPrefixes())).as(known.modelId())
				.isEqualTo(new HashSet<>(known.geoPrefixes()));
			assertThat(info.onDemandRegions()).as(known.modelId())
				.containsAll(known.onDemandRegions().stream().filter((region) -> !asked.contains(region)).toList());
			assertThat(info.profileOnlyRegions()).as(known.modelId())
				.containsAll(known.profileOnlyRegions().stream().filter((region) -> !asked.contains(region)).toList());
		}
		assertThat(refreshed.geographies().all()).isEqualTo(current.geographies().all());

		ByteArrayOutputStream written = new ByteArrayOutputStream();
		refreshed.write(written);
		ModelCatalog read = ModelCatalog.read(new ByteArrayInputStream(written.toByteArray()));

		assertThat(read.all()).isEqualTo(refreshed.all());
		assertThat(read.geographies().all()).isEqualTo(refreshed.geographies().all());
		assertThat(read.systemProfileFor(Fixture.NOVA_PRO, "eu-west-1")).hasValue("eu.amazon.nova-pro-v1:0");
	}

	@Test
	void aNewModelListedAsProvisionedOnlyIsRefreshedAsProvisionedOnlyInItsRegion() {
		String region = "us-east-1";
		Set<String> provisionedOnly = discovery().discover(region)
			.models()
			.stream()
			.filter(DiscoveredModel::provisionedOnly)
			.map(DiscoveredModel::modelId)
			.collect(Collectors.toSet());
		assertThat(provisionedOnly).isNotEmpty();
		ModelCatalog builtIn = Fixture.catalog();
		ModelCatalog without = new ModelCatalog(
				builtIn.all().stream().filter((model) -> !provisionedOnly.contains(model.modelId())).toList(),
				builtIn.geographies(), builtIn.sources());

		ModelCatalog refreshed = new ProfileDiscovery(smallPages(), without).refreshCatalog(List.of(region));

		for (String modelId : provisionedOnly) {
			ModelInfo info = refreshed.find(modelId).orElseThrow();
			assertThat(info.provisionedOnly()).as(modelId).isTrue();
			assertThat(info.availableIn(region)).as(modelId).isTrue();
			assertThat(info.needsProfile(region)).as(modelId).isTrue();
		}
	}

	private static Map<String, String> targets(DiscoveryResult result) {
		assertThat(result.suggestions()).extracting(SuggestedBinding::modelId).doesNotHaveDuplicates();
		return result.suggestions()
			.stream()
			.collect(Collectors.toMap(SuggestedBinding::modelId, SuggestedBinding::target));
	}

}
