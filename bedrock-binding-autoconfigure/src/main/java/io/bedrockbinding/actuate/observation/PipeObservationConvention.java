package io.bedrockbinding.actuate.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} of pipe calls. Declare a bean of this type to change the
 * name or key values; {@link DefaultPipeObservationConvention} is the default.
 */
public interface PipeObservationConvention extends ObservationConvention<PipeObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof PipeObservationContext;
	}

}
