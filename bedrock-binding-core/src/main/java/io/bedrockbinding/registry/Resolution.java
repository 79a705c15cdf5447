package io.bedrockbinding.registry;

import java.util.List;
import java.util.Optional;

import io.bedrockbinding.identifier.BindingTarget;

/**
 * What one call of a model from one region uses: the pipe's only entry into the registry
 * per call ({@link BindingRegistry#resolve(String, String)}).
 * <p>
 * A call tries the hops in order (failover): the binding's targets, then, for a target
 * invoked on demand (the model ID itself, or a foundation-model ARN), the geo profile of
 * the call's region appended as one more hop ({@link Hop#appended()}), used only where
 * the caller turned the on-demand fallback on. A single-target binding of a model that is
 * served on demand has one hop.
 *
 * @param binding the binding in force for the model
 * @param hops the targets in the order a call tries them, never empty
 */
public record Resolution(Binding binding, List<Hop> hops) {

	public Resolution {
		hops = List.copyOf(hops);
		if (hops.isEmpty()) {
			throw new IllegalArgumentException("A resolution of " + binding.modelId() + " needs at least one hop");
		}
	}

	/**
	 * The model ID callers asked for.
	 * @return the binding's model ID
	 */
	public String modelId() {
		return this.binding.modelId();
	}

	/**
	 * What the first hop calls: the binding's first target, or for a catalog or derived
	 * binding the target derived for the region's geography; templates
	 * ({@code {account}}, {@code {region}}) are left for the caller to fill in.
	 * @return the first hop's target
	 */
	public BindingTarget target() {
		return this.hops.get(0).target();
	}

	/**
	 * The region the first hop must be sent to: the target ARN's region, else the region
	 * asked for.
	 * @return the first hop's region
	 */
	public String region() {
		return this.hops.get(0).region();
	}

	/**
	 * The appended geo profile, tried after an on-demand refusal (or any failover-worthy
	 * failure) of the binding's own targets.
	 * @return the appended hop's target, or empty when no target is invoked on demand or
	 * the catalog knows no profile
	 */
	public Optional<BindingTarget> onDemandFallback() {
		return this.hops.stream().filter(Hop::appended).map(Hop::target).findFirst();
	}

	/**
	 * The hops of the binding's own targets, without the appended geo profile.
	 * @return the bound hops
	 */
	public List<Hop> boundHops() {
		return this.hops.stream().filter((hop) -> !hop.appended()).toList();
	}

	/**
	 * One target of a call, with the region it is sent to.
	 *
	 * @param target what Bedrock is called with (templates not filled in)
	 * @param region the region the call must be sent to
	 * @param appended whether this is the geo profile appended for a target invoked on
	 * demand, rather than a target of the binding
	 */
	public record Hop(BindingTarget target, String region, boolean appended) {
	}

}
