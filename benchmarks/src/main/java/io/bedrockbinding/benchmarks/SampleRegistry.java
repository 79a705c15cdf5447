package io.bedrockbinding.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.registry.BindingRegistry;

/**
 * The registry the registry benchmarks read: the built-in catalog in us-east-1, derived
 * profiles on.
 */
final class SampleRegistry {

	/** How many model IDs a benchmark invocation looks up. */
	static final int KEYS = 128;

	static final String REGION = "us-east-1";

	private SampleRegistry() {
	}

	static BindingRegistry create() {
		BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn()).region(REGION).build();
		// A few runtime binds, so that some look-ups find a binding that shadows others.
		registry.bind("amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");
		registry.bind("anthropic.claude-3-haiku-20240307-v1:0", "");
		registry.bind("meta.llama3-70b-instruct-v1:0",
				"arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/bench0llama");
		return registry;
	}

	/**
	 * {@value #KEYS} catalog model IDs in a fixed shuffled order, each a fresh copy of
	 * the string (as a model ID read from a request would be), not the instance the maps
	 * hold.
	 * @param registry the registry whose models are looked up
	 * @return the keys
	 */
	static String[] lookupKeys(BindingRegistry registry) {
		List<String> ids = new ArrayList<>();
		for (ModelInfo model : registry.catalog().all()) {
			ids.add(model.modelId());
		}
		if (ids.size() < KEYS) {
			throw new IllegalStateException("The catalog has " + ids.size() + " models; the benchmark needs " + KEYS);
		}
		Collections.shuffle(ids, new Random(42));
		String[] keys = new String[KEYS];
		for (int i = 0; i < KEYS; i++) {
			keys[i] = new String(ids.get(i).toCharArray());
		}
		return keys;
	}

}
