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
 * ({@code geoRegions}): an asked region that lists the model's {@code us.} profile
 * although the {@code us} geography does not serve it is added, an asked region that does
 * not list it is removed, the regions of other regions are kept, and the result survives
 * a write and a read.
 */
class CatalogRefreshGeoRegionsTests {

	private static final String KNOWN = "acme.known-v1:0";

	private static final String ADDED = "acme.added-v1:0";

	private static final List<String> PROFILE_ONLY = List.of("us-east-1", "ca-central-1", "ca-west-1");

	/** The account: both models' {@code us.} profiles are called from ca-central-1. */
	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(LocalBedrock.builder()
		.catalog(new ModelCatalog(List.of(model(KNOWN, Map.of("us", List.of("ca-central-1"))),
				model(ADDED, Map.of("us", List.of("ca-central-1")))), geographies())));

	private final Map<String, BedrockClient> clients = new ConcurrentHashMap<>();

	@AfterEach
	void close() {
		this.clients.values().forEach(BedrockClient::close);
	}

	@Test
	void askedRegionsReplaceTheirOwnSourceRegionsAndOthersAreKept() throws Exception {
		// the catalog said ca-west-1 (wrong, as the account shows) and mx-central-1 (not
		// asked)
		ModelCatalog known = new ModelCatalog(List.of(model(KNOWN, Map.of("us", List.of("ca-west-1", "mx-central-1")))),
				geographies());

		ModelCatalog refreshed = discovery(known).refreshCatalog(PROFILE_ONLY);

		assertThat(refreshed.find(KNOWN).orElseThrow().geoRegions())
			.isEqualTo(Map.of("us", List.of("mx-central-1", "ca-central-1")));
		assertThat(refreshed.find(ADDED).orElseThrow().geoRegions()).isEqualTo(Map.of("us", List.of("ca-central-1")));
		assertThat(BindingRegistry.builder(refreshed).region("ca-central-1").build().targetFor(ADDED).value())
			.isEqualTo("us." + ADDED);
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		refreshed.write(written);
		assertThat(written.toString(java.nio.charset.StandardCharsets.UTF_8))
			.contains("\"geoRegions\" : { \"us\" : [ \"mx-central-1\", \"ca-central-1\" ] }");
		assertThat(ModelCatalog.read(new ByteArrayInputStream(written.toByteArray())).all()).isEqualTo(refreshed.all());
	}

	@Test
	void aRefreshOfOtherRegionsKeepsTheKnownSourceRegions() {
		ModelCatalog known = new ModelCatalog(List.of(model(KNOWN, Map.of("us", List.of("ca-west-1", "mx-central-1")))),
				geographies());

		ModelCatalog refreshed = discovery(known).refreshCatalog(List.of("us-east-1"));

		assertThat(refreshed.find(KNOWN).orElseThrow().geoRegions())
			.isEqualTo(Map.of("us", List.of("ca-west-1", "mx-central-1")));
		assertThat(refreshed.find(ADDED).orElseThrow().geoRegions()).isEmpty();
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

	private static Geographies geographies() {
		return new Geographies(
				List.of(new Geography("us", List.of("us-east-1")), new Geography("global", PROFILE_ONLY)));
	}

}
