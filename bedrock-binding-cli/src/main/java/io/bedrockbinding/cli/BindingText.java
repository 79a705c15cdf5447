package io.bedrockbinding.cli;

import java.util.Locale;

import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.Quoting;
import io.bedrockbinding.identifier.TargetKind;
import io.bedrockbinding.identifier.TargetList;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.Origin;
import io.bedrockbinding.registry.OriginKind;
import org.jspecify.annotations.Nullable;

/** How bindings read in the tool's text output. */
final class BindingText {

	static final String DIRECT = "direct";

	private BindingText() {
	}

	/**
	 * What follows a prompt router's ARN: the router, not the model, picks who answers.
	 */
	static final String PROMPT_ROUTER = " [prompt router]";

	/**
	 * {@code N. model -> target}, with {@code direct} for a model called by its own ID
	 * and {@code [prompt router]} after a prompt router's ARN.
	 * @param index the number shown before the binding
	 * @param binding the binding
	 * @return the line
	 */
	static String line(int index, Binding binding) {
		return index + ". " + binding.modelId() + " -> " + target(binding)
				+ ((binding.target().kind() == TargetKind.PROMPT_ROUTER_ARN) ? PROMPT_ROUTER : "");
	}

	/**
	 * The target, or {@code direct} when the model is called by its own ID.
	 * @param binding the binding
	 * @return the target as shown
	 */
	static String target(Binding binding) {
		if (binding.targets().size() > 1) {
			return TargetList.format(binding.targets());
		}
		BindingTarget target = binding.target();
		boolean self = target instanceof BindingTarget.Direct direct && direct.modelId().equals(binding.modelId());
		return self ? DIRECT : target.value();
	}

	/**
	 * A target as the file holds it: empty (or absent) is {@code direct}. A broken line's
	 * target may hold a NUL, a tab or another control character: it is escaped, as
	 * {@link Quoting} escapes values in every message, so that the change a command
	 * prints shows it rather than sends it to the terminal.
	 * @param text the target text of a file line, or null
	 * @return the target as shown
	 */
	static String fileTarget(@Nullable String text) {
		return (text == null || text.isBlank()) ? DIRECT : Quoting.escapeControls(text);
	}

	/**
	 * Where a binding came from: {@code path:line} for the file, else the layer and its
	 * detail.
	 * @param origin the binding's origin
	 * @return the origin as shown
	 */
	static String origin(Origin origin) {
		if (origin.kind() == OriginKind.FILE) {
			return origin.source();
		}
		return origin.kind().name().toLowerCase(Locale.ROOT) + ": " + origin.source();
	}

}
