package io.bedrockbinding.actuate.observation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.bedrockbinding.pipe.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@link PipeTokenCounter} that counts into {@value #NAME}, tagged with {@code model} and
 * {@code direction} ({@code input} or {@code output}).
 */
public class MeterRegistryPipeTokenCounter implements PipeTokenCounter {

	/** The name of the counters. */
	public static final String NAME = "bedrock.pipe.tokens";

	private final MeterRegistry registry;

	/** The two counters of each model, registered once: counting runs on every call. */
	private final Map<String, Counter[]> counters = new ConcurrentHashMap<>();

	public MeterRegistryPipeTokenCounter(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void count(String modelId, TokenUsage usage) {
		Counter[] pair = this.counters.computeIfAbsent(modelId,
				(model) -> new Counter[] { counter(model, "input"), counter(model, "output") });
		pair[0].increment(usage.inputTokens());
		pair[1].increment(usage.outputTokens());
	}

	private Counter counter(String modelId, String direction) {
		return Counter.builder(NAME)
			.description("Tokens of Bedrock pipe calls, as Bedrock counted them")
			.baseUnit("tokens")
			.tag("model", modelId)
			.tag("direction", direction)
			.register(this.registry);
	}

}
