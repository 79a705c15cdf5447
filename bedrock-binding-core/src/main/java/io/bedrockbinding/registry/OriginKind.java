package io.bedrockbinding.registry;

/**
 * Where a binding came from, lowest precedence first; the names are part of the actuator
 * document.
 */
public enum OriginKind {

	/** The catalog default: the model ID itself. */
	CATALOG,

	/** The geo profile of the configured region, for a model that needs one there. */
	DERIVED,

	/** Suggested by profile discovery against the live account. */
	DISCOVERED,

	/** A line of the inference file. */
	FILE,

	/** Spring properties (the starter's map of models), merged across profiles. */
	PROPERTIES,

	/** Bound at runtime (API, actuator, CLI). */
	RUNTIME;

	/**
	 * Whether a binding of this origin outranks one of {@code other}.
	 * @param other the other origin
	 * @return whether this origin wins
	 */
	public boolean outranks(OriginKind other) {
		return compareTo(other) > 0;
	}

}
