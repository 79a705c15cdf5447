package io.bedrockbinding.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.identifier.ModelIds;

/**
 * The application inference profiles created in one emulator, in creation order. IDs are
 * derived from account, region, name and a sequence number, so a test run sees the same
 * ARNs every time.
 */
final class ApplicationProfiles {

	private static final char[] ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private final ModelCatalog catalog;

	private final String account;

	private final Map<String, ApplicationProfile> byArn = new LinkedHashMap<>();

	private long sequence;

	ApplicationProfiles(ModelCatalog catalog, String account) {
		this.catalog = catalog;
		this.account = account;
	}

	/**
	 * Creates a profile for a catalog model ID (one destination: the region itself) or a
	 * system profile ID (the destinations of its geography), as Bedrock's
	 * CreateInferenceProfile copies a foundation model or a system profile.
	 * @param name the profile's name, shown by GetInferenceProfile
	 * @param modelOrProfileId the catalog model ID or system profile ID to copy
	 * @param region the region the profile is created in
	 * @return the new profile
	 */
	synchronized ApplicationProfile create(String name, String modelOrProfileId, String region) {
		if (name.isBlank() || name.length() > 64) {
			throw new IllegalArgumentException(
					"An application profile name must have 1 to 64 characters, got '" + name + "'");
		}
		for (ApplicationProfile existing : this.byArn.values()) {
			if (existing.region().equals(region) && existing.name().equals(name)) {
				throw new IllegalArgumentException("An application profile named '" + name + "' already exists in "
						+ region + ": " + existing.arn());
			}
		}
		ModelInfo model;
		List<String> destinations;
		Optional<ModelInfo> direct = this.catalog.find(modelOrProfileId);
		if (direct.isPresent()) {
			model = direct.get();
			destinations = List.of(region);
		}
		else if (ModelIds.isSystemProfileId(modelOrProfileId)) {
			String prefix = modelOrProfileId.substring(0, modelOrProfileId.indexOf('.'));
			String modelId = modelOrProfileId.substring(prefix.length() + 1);
			Geography geography = this.catalog.geographies()
				.find(prefix)
				.orElseThrow(() -> new IllegalArgumentException(
						"Unknown geography '" + prefix + "' in '" + modelOrProfileId + "'"));
			model = this.catalog.find(modelId)
				.filter((candidate) -> candidate.hasGeo(prefix))
				.orElseThrow(() -> new IllegalArgumentException(
						"The catalog has no system profile '" + modelOrProfileId + "'"));
			if (!model.servedFrom(geography, region)) {
				throw new IllegalArgumentException(
						"System profile '" + modelOrProfileId + "' does not serve " + region);
			}
			destinations = model.sourceRegions(geography);
		}
		else {
			throw new IllegalArgumentException(
					"'" + modelOrProfileId + "' is neither a catalog model ID nor a system profile ID");
		}
		String id = newId(name, region);
		String arn = Arns.applicationProfile(region, this.account, id);
		List<String> modelArns = destinations.stream()
			.map((destination) -> Arns.foundationModel(destination, model.modelId()))
			.toList();
		ApplicationProfile profile = new ApplicationProfile(id, name, arn, region, model, modelArns, Instant.now());
		this.byArn.put(arn, profile);
		return profile;
	}

	synchronized Optional<ApplicationProfile> byArn(String arn) {
		return Optional.ofNullable(this.byArn.get(arn));
	}

	synchronized Optional<ApplicationProfile> byId(String id, String region) {
		return this.byArn.values()
			.stream()
			.filter((profile) -> profile.id().equals(id) && profile.region().equals(region))
			.findFirst();
	}

	synchronized List<ApplicationProfile> inRegion(String region) {
		List<ApplicationProfile> profiles = new ArrayList<>();
		for (ApplicationProfile profile : this.byArn.values()) {
			if (profile.region().equals(region)) {
				profiles.add(profile);
			}
		}
		return profiles;
	}

	synchronized void clear() {
		this.byArn.clear();
		this.sequence = 0;
	}

	private String newId(String name, String region) {
		byte[] digest = sha256(this.account + '\n' + region + '\n' + name + '\n' + (this.sequence++));
		StringBuilder id = new StringBuilder(12);
		for (int i = 0; i < 12; i++) {
			id.append(ID_CHARACTERS[(digest[i] & 0xff) % ID_CHARACTERS.length]);
		}
		return id.toString();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
