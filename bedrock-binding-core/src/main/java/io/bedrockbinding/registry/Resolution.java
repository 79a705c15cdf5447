package io.bedrockbinding.registry;

import java.util.Optional;

import io.bedrockbinding.identifier.BindingTarget;

/**
 * What one call of a model from one region uses: the pipe's only entry into the registry
 * per call ({@link BindingRegistry#resolve(String, String)}).
 *
 * @param binding the binding in force for the model
 * @param target what to call from the region: the binding's target, or for a catalog or
 * derived binding the target derived for the region's geography; templates
 * ({@code {account}}, {@code {region}}) are left for the caller to fill in
 * @param region the region the call must be sent to: the target ARN's region, else the
 * region asked for
 * @param onDemandFallback for a target invoked on demand (the model ID itself, or a
 * foundation-model ARN), the geo profile of the call's region to retry Bedrock's
 * on-demand refusal with; empty otherwise, or when the catalog knows no such profile
 */
public record Resolution(Binding binding, BindingTarget target, String region,
		Optional<BindingTarget> onDemandFallback) {

	/**
	 * The model ID callers asked for.
	 * @return the binding's model ID
	 */
	public String modelId() {
		return this.binding.modelId();
	}

}
