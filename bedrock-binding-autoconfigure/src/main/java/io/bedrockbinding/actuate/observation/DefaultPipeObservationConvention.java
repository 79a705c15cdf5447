package io.bedrockbinding.actuate.observation;

import io.bedrockbinding.pipe.BedrockPipeException;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link PipeObservationConvention}: observation {@value #NAME}, with
 * low-cardinality key values only. Targets, ARNs, account IDs and request IDs never
 * become key values: an ARN names the account, and request IDs are unbounded.
 * <ul>
 * <li>{@code model}: the model ID the caller asked for</li>
 * <li>{@code target.kind}: {@code DIRECT}, {@code SYSTEM_PROFILE}, {@code PROFILE_ARN},
 * ...</li>
 * <li>{@code region}: the region the call went to</li>
 * <li>{@code outcome}: {@code SUCCESS}, {@code ERROR}, or {@code UNKNOWN} while the call
 * runs</li>
 * <li>{@code error.code}: AWS's error code ({@code ValidationException}, ...), the
 * failure reason when AWS gave none ({@code CONNECTION_FAILED}, ...), or
 * {@code none}</li>
 * <li>{@code targets.tried}: how many targets of the binding's chain the call tried,
 * {@code 1} unless it failed over</li>
 * </ul>
 */
public class DefaultPipeObservationConvention implements PipeObservationConvention {

	/** The name of the observation, and of the timer Micrometer makes of it. */
	public static final String NAME = "bedrock.pipe";

	static final String MODEL = "model";

	static final String TARGET_KIND = "target.kind";

	static final String REGION = "region";

	static final String OUTCOME = "outcome";

	static final String ERROR_CODE = "error.code";

	static final String NONE = "none";

	static final String TARGETS_TRIED = "targets.tried";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(PipeObservationContext context) {
		return "bedrock " + context.getModelId();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(PipeObservationContext context) {
		return KeyValues.of(KeyValue.of(MODEL, context.getModelId()),
				KeyValue.of(TARGET_KIND, context.getTargetKind().name()), KeyValue.of(REGION, context.getRegion()),
				KeyValue.of(OUTCOME, outcome(context)), KeyValue.of(ERROR_CODE, errorCode(context)),
				KeyValue.of(TARGETS_TRIED, targetsTried(context)));
	}

	private static String targetsTried(PipeObservationContext context) {
		if (context.getResult() != null) {
			return Integer.toString(context.getResult().targetsTried());
		}
		// an exhausted chain carries the failures of the targets before the last
		BedrockPipeException failure = context.getFailure();
		return (failure != null) ? Integer.toString(failure.getSuppressed().length + 1) : "1";
	}

	private static String outcome(PipeObservationContext context) {
		if (context.getFailure() != null) {
			return "ERROR";
		}
		return (context.getResult() != null) ? "SUCCESS" : "UNKNOWN";
	}

	private static String errorCode(PipeObservationContext context) {
		BedrockPipeException failure = context.getFailure();
		if (failure == null) {
			return NONE;
		}
		return (failure.errorCode() != null) ? failure.errorCode() : failure.reason().name();
	}

}
