package io.bedrockbinding.registry;

import java.util.Collection;

/**
 * A runtime bind refused because the registry holds as many runtime bindings as it may.
 */
public class RuntimeBindingLimitException extends IllegalStateException {

	private final int limit;

	/**
	 * Creates the exception.
	 * @param modelIds the models the refused bind named
	 * @param count how many runtime bindings the registry holds
	 * @param limit the most it may hold
	 * @param howToRaise how the application raises the limit
	 */
	public RuntimeBindingLimitException(Collection<String> modelIds, int count, int limit, String howToRaise) {
		super("Cannot bind " + String.join(", ", modelIds) + " at runtime: the registry holds " + count
				+ " runtime bindings and allows at most " + limit + ". Unbind models that are no longer needed, "
				+ "or raise the limit (" + howToRaise + ")");
		this.limit = limit;
	}

	/**
	 * The most runtime bindings the registry may hold.
	 * @return the limit
	 */
	public int limit() {
		return this.limit;
	}

}
