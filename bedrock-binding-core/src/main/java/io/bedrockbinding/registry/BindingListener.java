package io.bedrockbinding.registry;

import java.util.Set;

/**
 * Told after bindings changed; runs on the thread that changed them, so keep it short.
 */
@FunctionalInterface
public interface BindingListener {

	/**
	 * Called once per change, after the new bindings are in force.
	 * @param layer the layer that changed
	 * @param modelIds the models whose effective binding may have changed
	 */
	void bindingsChanged(OriginKind layer, Set<String> modelIds);

}
