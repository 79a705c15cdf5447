package io.bedrockbinding.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.bedrockbinding.catalog.CatalogSource;
import io.bedrockbinding.catalog.Geographies;
import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.Lifecycle;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.discovery.DiscoveredModel;
import io.bedrockbinding.discovery.ProfileDiscovery;
import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.emulator.LocalBedrockClients;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrock.BedrockClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery and the catalog refresh read {@code modelLifecycle} (status and dates) and
 * {@code providerName} from ListFoundationModels, keep what the API does not report (the
 * successor, the sources of known models), cite the API for new models, and lose nothing
 * through a write and a read.
 */
class CatalogRefreshLifecycleTests {

	private static final String OLD = "acme.old-v1:0";

	private static final String CURRENT = "acme.current-v2:0";

	private static final String NEW = "acme.new-v4:0";

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

	/** What the account reports: OLD is LEGACY with dates; NEW is a model we lack. */
	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(account()).clock(NOW));

	private BedrockClient client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	@Test
	void discoveryReadsTheLifecycleOfEachModel() {
		DiscoveredModel old = discovery(known()).discover("us-east-1")
			.models()
			.stream()
			.filter((model) -> model.modelId().equals(OLD))
			.findFirst()
			.orElseThrow();

		assertThat(old.provider()).isEqualTo("Acme Labs");
		assertThat(old.lifecycle()).isEqualTo(new Lifecycle(Lifecycle.Status.LEGACY, LocalDate.of(2026, 1, 15),
				LocalDate.of(2026, 6, 1), LocalDate.of(2027, 1, 15), null));
	}

	@Test
	void refreshWritesLifecycleAndProviderNameAndKeepsSuccessorAndSources() throws Exception {
		ModelCatalog refreshed = discovery(known()).refreshCatalog(List.of("us-east-1"), NOW);

		ModelInfo old = refreshed.find(OLD).orElseThrow();
		assertThat(old.lifecycle()).isEqualTo(new Lifecycle(Lifecycle.Status.LEGACY, LocalDate.of(2026, 1, 15),
				LocalDate.of(2026, 6, 1), LocalDate.of(2027, 1, 15), CURRENT));
		assertThat(old.providerName()).isEqualTo("Acme Labs");
		assertThat(old.sources()).containsExactly("docs");
		assertThat(refreshed.find(CURRENT).orElseThrow().lifecycle()).isEqualTo(Lifecycle.ACTIVE);
		ModelInfo added = refreshed.find(NEW).orElseThrow();
		assertThat(added.sources()).containsExactly(ProfileDiscovery.API_SOURCE);
		assertThat(added.providerName()).isEqualTo("Acme Labs");
		assertThat(refreshed.sources()).extracting(CatalogSource::key)
			.containsExactly("docs", ProfileDiscovery.API_SOURCE);
		assertThat(refreshed.source(ProfileDiscovery.API_SOURCE).orElseThrow().retrieved())
			.isEqualTo(LocalDate.of(2026, 12, 2));

		ByteArrayOutputStream written = new ByteArrayOutputStream();
		refreshed.write(written);
		ModelCatalog read = ModelCatalog.read(new ByteArrayInputStream(written.toByteArray()));

		assertThat(read.all()).isEqualTo(refreshed.all());
		assertThat(read.sources()).isEqualTo(refreshed.sources());
	}

	@Test
	void aSecondRefreshReplacesTheApiSourceRatherThanAddingOne() {
		ModelCatalog once = discovery(known()).refreshCatalog(List.of("us-east-1"), NOW);

		ModelCatalog twice = discovery(once).refreshCatalog(List.of("us-east-1"),
				Clock.offset(NOW, java.time.Duration.ofDays(1)));

		assertThat(twice.sources()).extracting(CatalogSource::key).containsExactly("docs", ProfileDiscovery.API_SOURCE);
		assertThat(twice.source(ProfileDiscovery.API_SOURCE).orElseThrow().retrieved())
			.isEqualTo(LocalDate.of(2026, 12, 3));
		assertThat(twice.find(NEW).orElseThrow().sources()).containsExactly(ProfileDiscovery.API_SOURCE);
	}

	private ProfileDiscovery discovery(ModelCatalog catalog) {
		if (this.client == null) {
			this.client = LocalBedrockClients.of(bedrock.get()).controlPlane("us-east-1");
		}
		BedrockClient east = this.client;
		return new ProfileDiscovery((region) -> east, catalog);
	}

	/** The catalog before the refresh: OLD without lifecycle but with its successor. */
	private static ModelCatalog known() {
		List<String> text = List.of("TEXT");
		List<String> east = List.of("us-east-1");
		Lifecycle successorOnly = new Lifecycle(Lifecycle.Status.ACTIVE, null, null, null, CURRENT);
		return new ModelCatalog(
				List.of(new ModelInfo(OLD, "acme", "Acme Old", east, List.of(), List.of(), false, true, text, text,
						null, false, successorOnly, List.of("docs")),
						new ModelInfo(CURRENT, "acme", "Acme Current", east, List.of(), List.of(), false, true, text,
								text, null, false, Lifecycle.ACTIVE, List.of("docs"))),
				geographies(), List.of(new CatalogSource("docs", "A page", "https://example.com/", null)));
	}

	private static ModelCatalog account() {
		List<String> text = List.of("TEXT");
		List<String> east = List.of("us-east-1");
		Lifecycle legacy = new Lifecycle(Lifecycle.Status.LEGACY, LocalDate.of(2026, 1, 15), LocalDate.of(2026, 6, 1),
				LocalDate.of(2027, 1, 15), "ignored: the API has no successor");
		return new ModelCatalog(List.of(
				new ModelInfo(OLD, "acme", "Acme Old", east, List.of(), List.of(), false, true, text, text, "Acme Labs",
						false, legacy, List.of()),
				new ModelInfo(CURRENT, "acme", "Acme Current", east, List.of(), List.of(), false, true, text, text,
						"Acme Labs", false, Lifecycle.ACTIVE, List.of()),
				new ModelInfo(NEW, "acme", "Acme New", east, List.of(), List.of(), false, true, text, text, "Acme Labs",
						false, Lifecycle.ACTIVE, List.of())),
				geographies());
	}

	private static Geographies geographies() {
		return new Geographies(List.of(new Geography("us", List.of("us-east-1", "us-west-2"))));
	}

}
