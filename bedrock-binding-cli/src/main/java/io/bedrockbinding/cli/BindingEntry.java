package io.bedrockbinding.cli;

import java.util.List;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.registry.Binding;
import org.jspecify.annotations.Nullable;

/**
 * One model of a listing, as JSON.
 *
 * @param index the number the text output shows
 * @param modelId the model ID
 * @param displayName the catalog's name for it, null for a model the catalog does not
 * know
 * @param target what Bedrock is called with (the model ID itself for a direct call); the
 * first of {@code targets}
 * @param targets the failover chain, first tried first (one element for a single target)
 * @param kind the target's kind ({@code DIRECT}, {@code SYSTEM_PROFILE}, ...)
 * @param origin the layer the binding comes from ({@code CATALOG}, {@code DERIVED},
 * {@code FILE})
 * @param source where in that layer ({@code /home/me/.aws/inference.txt:3} for the file)
 */
record BindingEntry(int index, String modelId, @Nullable String displayName, String target, List<String> targets,
		String kind, String origin, String source) {

	static BindingEntry of(int index, Binding binding, ModelCatalog catalog) {
		return new BindingEntry(index, binding.modelId(),
				catalog.find(binding.modelId()).map(ModelInfo::displayName).orElse(null), binding.target().value(),
				binding.targets().stream().map(BindingTarget::value).toList(), binding.target().kind().name(),
				binding.origin().kind().name(), binding.origin().source());
	}

}
