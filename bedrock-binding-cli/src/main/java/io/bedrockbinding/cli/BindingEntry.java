package io.bedrockbinding.cli;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bedrockbinding.catalog.Lifecycle;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.registry.Binding;
import org.jspecify.annotations.Nullable;

/**
 * One model of a listing, as JSON.
 *
 * @param index the number the text output shows
 * @param modelId the model ID
 * @param displayName the catalog's name for it, null for a model the catalog does not
 * know
 * @param target what Bedrock is called with (the model ID itself for a direct call)
 * @param kind the target's kind ({@code DIRECT}, {@code SYSTEM_PROFILE}, ...)
 * @param origin the layer the binding comes from ({@code CATALOG}, {@code DERIVED},
 * {@code FILE})
 * @param source where in that layer ({@code /home/me/.aws/inference.txt:3} for the file)
 * @param lifecycle the catalog's lifecycle of the model, null for a model the catalog
 * does not know
 */
record BindingEntry(int index, String modelId, @Nullable String displayName, String target, String kind, String origin,
		String source, @Nullable LifecycleEntry lifecycle) {

	static BindingEntry of(int index, Binding binding, ModelCatalog catalog, LocalDate today) {
		ModelInfo model = catalog.find(binding.modelId()).orElse(null);
		return new BindingEntry(index, binding.modelId(), (model != null) ? model.displayName() : null,
				binding.target().value(), binding.target().kind().name(), binding.origin().kind().name(),
				binding.origin().source(), (model != null) ? LifecycleEntry.of(model.lifecycle(), today) : null);
	}

	/**
	 * A model's lifecycle, as JSON.
	 *
	 * @param status {@code ACTIVE}, {@code LEGACY}, or {@code END_OF_LIFE} once the
	 * end-of-life date has come (the dates and successor are left out when unknown)
	 * @param legacy the legacy date (yyyy-MM-dd), if known
	 * @param publicExtendedAccess the date public extended access starts, if known
	 * @param endOfLife the end-of-life date, if known
	 * @param successor the model AWS recommends instead, if it names one
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record LifecycleEntry(String status, @Nullable String legacy, @Nullable String publicExtendedAccess,
			@Nullable String endOfLife, @Nullable String successor) {

		static LifecycleEntry of(Lifecycle lifecycle, LocalDate today) {
			String status = lifecycle.isEndOfLife(today) ? "END_OF_LIFE"
					: lifecycle.isLegacy(today) ? "LEGACY" : "ACTIVE";
			return new LifecycleEntry(status, text(lifecycle.legacy()), text(lifecycle.publicExtendedAccess()),
					text(lifecycle.endOfLife()), lifecycle.successor());
		}

		private static @Nullable String text(@Nullable LocalDate date) {
			return (date != null) ? date.toString() : null;
		}

	}

}
