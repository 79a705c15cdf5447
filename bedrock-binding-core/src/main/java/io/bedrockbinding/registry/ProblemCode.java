package io.bedrockbinding.registry;

/** The kinds of {@link BindingProblem}. */
public enum ProblemCode {

	/** A target that does not parse (from properties, the file or a runtime bind). */
	INVALID_TARGET,

	/** A line of the inference file that is not a valid binding. */
	FILE_PROBLEM,

	/** A system profile whose geography does not serve the configured region. */
	GEO_DOES_NOT_SERVE_REGION,

	/**
	 * A system profile of a geography the catalog does not know, or that the model lacks.
	 */
	UNKNOWN_GEO,

	/**
	 * An ARN of another region than the configured one (calls go to the ARN's region).
	 */
	REGION_MISMATCH,

	/**
	 * An ARN of a well-formed region the SDK does not know (a typo, or a region newer
	 * than the SDK); a malformed region is an {@link #INVALID_TARGET}. Without a model
	 * ID: the registry's own region is one the SDK does not know.
	 */
	UNKNOWN_REGION,

	/** An ARN of another account than the known one. */
	ACCOUNT_MISMATCH,

	/** A model that needs an inference profile in the region, bound direct. */
	NEEDS_PROFILE,

	/** A required model without a binding. */
	REQUIRED_UNBOUND,

	/** A model ID the catalog does not know (maybe a typo, maybe a new model). */
	UNKNOWN_MODEL,

	/**
	 * A target that calls another catalog model than the one it binds
	 * ({@code amazon.nova-lite-v1:0=us.amazon.nova-pro-v1:0}): a warning, since an alias
	 * can be meant.
	 */
	OTHER_MODEL,

	/**
	 * A bound or required model that Bedrock lists as LEGACY: it still works until its
	 * end of life; move to the successor.
	 */
	LEGACY,

	/**
	 * A bound or required model past its end-of-life date: Bedrock refuses calls to it.
	 */
	END_OF_LIFE,

	/**
	 * A refreshed property value that is not valid: the model's last good binding stays
	 * in force until the value is fixed.
	 */
	REFRESH_REJECTED

}
