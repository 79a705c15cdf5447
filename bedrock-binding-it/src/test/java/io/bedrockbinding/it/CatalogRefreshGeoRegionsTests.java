package io.bedrockbinding.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.bedrockbinding.catalog.Geographies;
import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.Lifecycle;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.discovery.ProfileDiscovery;
import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.emulator.LocalBedrockClients;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrock.BedrockClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog refresh and a model's own source regions of a geography
 * ({@code geoRegions}, which replace the geography's regions for the model): each asked
 * region is a source region of the model's profile exactly when its ListInferenceProfiles
 * lists the profile (added outside the geography, removed inside it), the regions not
 * asked keep what the catalog said, a list equal to the geography's is left out, and the
 * result survives a write and a read.
 */
class CatalogRefreshGeoRegionsTests {

	private static final String KNOWN = "acme.known-v1:0";

	private static final String ADDED = "acme.added-v1:0";

	/** A model whose {@code au.} profile the account calls from Sydney only. */
	private static final String NARROWED = "acme.narrowed-v1:0";

	private static final List<String> PROFILE_ONLY = List.of("us-east-1", "ca-central-1", "ca-west-1");

	private static final List<String> AU_REGIONS = List.of("ap-southeast-2", "ap-southeast-6");

	/**
	 * The account: both {@code us.} profiles are called from us-east-1 and ca-central-1,
	 * the {@code au.} profile from ap-southeast-2 only.
	 */
	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(LocalBedrock.builder()
		.catalog(new ModelCatalog(List.of(model(KNOWN, Map.of("us", List.of("us-east-1", "ca-central-1"))),
				model(ADDED, Map.of("us", List.of("us-east-1", "ca-central-1"))),
				auModel(Map.of("au", List.of("ap-southeast-2")))), geographies())));

	private final Map<String, BedrockClient> clients = new ConcurrentHashMap<>();

	@AfterEach
	void close() {
		this.clients.values().forEach(BedrockClient::close);
	}

	@Test
	void askedRegionsReplaceTheirMembershipAndOthersAreKept() throws Exception {
		// the catalog said ca-west-1 (wrong, as the account shows) and mx-central-1 (not
		// asked), and not us-east-1 (wrong too)
		ModelCatalog known = new ModelCatalog(List.of(model(KNOWN, Map.of("us", List.of("ca-west-1", "mx-central-1")))),
				geographies());

		ModelCatalog refreshed = discovery(known).refreshCatalog(PROFILE_ONLY);

		assertThat(refreshed.find(KNOWN).orElseThrow().geoRegions())
			.isEqualTo(Map.of("us", List.of("mx-central-1", "us-east-1", "ca-central-1")));
		assertThat(refreshed.find(ADDED).orElseThrow().geoRegions())
			.isEqualTo(Map.of("us", List.of("us-east-1", "ca-central-1")));
		assertThat(BindingRegistry.builder(refreshed).region("ca-central-1").build().targetFor(ADDED).value())
			.isEqualTo("us." + ADDED);
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		refreshed.write(written);
		assertThat(written.toString(java.nio.charset.StandardCharsets.UTF_8))
			.contains("\"geoRegions\" : { \"us\" : [ \"mx-central-1\", \"us-east-1\", \"ca-central-1\" ] }");
		assertThat(ModelCatalog.read(new ByteArrayInputStream(written.toByteArray())).all()).isEqualTo(refreshed.all());
	}

	@Test
	void anAskedRegionOfTheGeographyThatDoesNotListTheProfileIsRemovedForTheModel() {
		// the catalog knows no list of its own: the au geography's regions
		ModelCatalog known = new ModelCatalog(List.of(auModel(Map.of())), geographies());

		ModelCatalog refreshed = discovery(known).refreshCatalog(AU_REGIONS);

		ModelInfo narrowed = refreshed.find(NARROWED).orElseThrow();
		assertThat(narrowed.geoPrefixes()).containsExactly("au", "global");
		assertThat(narrowed.geoRegions()).isEqualTo(Map.of("au", List.of("ap-southeast-2")));
		assertThat(refreshed.systemProfileFor(NARROWED, "ap-southeast-6")).contains("global." + NARROWED);
		assertThat(refreshed.systemProfileFor(NARROWED, "ap-southeast-2")).contains("au." + NARROWED);
	}

	@Test
	void aRefreshOfOtherRegionsKeepsTheKnownSourceRegions() {
		ModelCatalog known = new ModelCatalog(
				List.of(model(KNOWN, Map.of("us", List.of("us-east-1", "ca-west-1", "mx-central-1")))), geographies());

		ModelCatalog refreshed = discovery(known).refreshCatalog(List.of("us-east-1"));

		assertThat(refreshed.find(KNOWN).orElseThrow().geoRegions())
			.isEqualTo(Map.of("us", List.of("us-east-1", "ca-west-1", "mx-central-1")));
		// only us-east-1 seen: the us geography's own list, so no entry
		assertThat(refreshed.find(ADDED).orElseThrow().geoRegions()).isEmpty();
	}

	@Test
	void aListThatBecomesTheGeographysIsLeftOut() {
		ModelCatalog known = new ModelCatalog(List.of(model(KNOWN, Map.of("us", List.of("us-east-1", "ca-west-1")))),
				geographies());

		ModelCatalog refreshed = discovery(known).refreshCatalog(List.of("us-east-1", "ca-west-1"));

		assertThat(refreshed.find(KNOWN).orElseThrow().geoRegions()).isEmpty();
		assertThat(refreshed.find(KNOWN).orElseThrow().geoPrefixes()).containsExactly("us", "global");
	}

	private ProfileDiscovery discovery(ModelCatalog catalog) {
		return new ProfileDiscovery((region) -> this.clients.computeIfAbsent(region,
				(key) -> LocalBedrockClients.of(bedrock.get()).controlPlane(key)), catalog);
	}

	private static ModelInfo model(String id, Map<String, List<String>> geoRegions) {
		List<String> text = List.of("TEXT");
		return new ModelInfo(id, "acme", id, List.of(), PROFILE_ONLY, List.of("us", "global"), true, true, text, text,
				"Acme Labs", false, Lifecycle.ACTIVE, List.of(), geoRegions);
	}

	private static ModelInfo auModel(Map<String, List<String>> geoRegions) {
		List<String> text = List.of("TEXT");
		return new ModelInfo(NARROWED, "acme", NARROWED, List.of(), AU_REGIONS, List.of("au", "global"), true, true,
				text, text, "Acme Labs", false, Lifecycle.ACTIVE, List.of(), geoRegions);
	}

	private static Geographies geographies() {
		List<String> everywhere = new java.util.ArrayList<>(PROFILE_ONLY);
		everywhere.addAll(AU_REGIONS);
		return new Geographies(List.of(new Geography("us", List.of("us-east-1")), new Geography("au", AU_REGIONS),
				new Geography("global", everywhere)));
	}

}
