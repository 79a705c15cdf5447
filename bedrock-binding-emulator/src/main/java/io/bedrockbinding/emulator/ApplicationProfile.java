package io.bedrockbinding.emulator;

import java.time.Instant;
import java.util.List;

import io.bedrockbinding.catalog.ModelInfo;

/**
 * An application inference profile created in the emulator.
 *
 * @param id the 12-character profile ID
 * @param name the name it was created with
 * @param arn {@code arn:aws:bedrock:REGION:ACCOUNT:application-inference-profile/ID}
 * @param region the region it lives in (and must be called from)
 * @param model the model it routes to
 * @param modelArns the foundation-model ARNs of its destination regions
 * @param createdAt when it was created
 */
record ApplicationProfile(String id, String name, String arn, String region, ModelInfo model, List<String> modelArns,
		Instant createdAt) {

	ApplicationProfile {
		modelArns = List.copyOf(modelArns);
	}

}
