package io.bedrockbinding.actuate.observation;

import io.bedrockbinding.identifier.TargetKind;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.PipeObserver;
import io.bedrockbinding.pipe.PipeResult;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * {@link PipeObserver} that makes every pipe call a Micrometer {@link Observation} (named
 * by the convention, {@value DefaultPipeObservationConvention#NAME} by default) and
 * counts the tokens of the calls that succeed.
 * <p>
 * The observation is started and stopped but never opened in scope: an async call
 * finishes on an SDK thread, where a scope opened on the calling thread could not be
 * closed.
 */
public class ObservationPipeObserver implements PipeObserver {

	private static final PipeObservationConvention DEFAULT_CONVENTION = new DefaultPipeObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable PipeObservationConvention convention;

	private final PipeTokenCounter tokens;

	public ObservationPipeObserver(ObservationRegistry registry) {
		this(registry, null, PipeTokenCounter.NONE);
	}

	/**
	 * Create an observer with the given convention and token counter.
	 * @param registry where observations go
	 * @param convention a custom convention, or {@code null} for the default
	 * @param tokens what counts tokens
	 */
	public ObservationPipeObserver(ObservationRegistry registry, @Nullable PipeObservationConvention convention,
			PipeTokenCounter tokens) {
		this.registry = registry;
		this.convention = convention;
		this.tokens = tokens;
	}

	@Override
	public Call start(String modelId, TargetKind targetKind, String region) {
		PipeObservationContext context = new PipeObservationContext(modelId, targetKind, region);
		Observation observation = Observation
			.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		return new ObservedCall(observation, context, this.tokens);
	}

	private static final class ObservedCall implements Call {

		private final Observation observation;

		private final PipeObservationContext context;

		private final PipeTokenCounter tokens;

		ObservedCall(Observation observation, PipeObservationContext context, PipeTokenCounter tokens) {
			this.observation = observation;
			this.context = context;
			this.tokens = tokens;
		}

		@Override
		public void succeeded(PipeResult result) {
			this.context.setResult(result);
			try {
				this.tokens.count(this.context.getModelId(), result.usage());
			}
			finally {
				this.observation.stop();
			}
		}

		@Override
		public void failed(BedrockPipeException failure) {
			this.context.setFailure(failure);
			this.observation.error(failure);
			this.observation.stop();
		}

	}

}
