package io.bedrockbinding.ai.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * The options of a {@link BedrockBindingChatModel} call: Spring AI's portable chat
 * options (the model ID, resolved through its binding on every call, temperature, top-p,
 * max tokens, stop sequences), its tool-calling options and a JSON schema for structured
 * output, and model-specific request fields (Converse
 * {@code additionalModelRequestFields}). Spring AI's {@code ChatClient} merges a
 * request's options into the model's defaults through {@link #mutate()}.
 */
public class BedrockBindingChatOptions extends DefaultToolCallingChatOptions implements StructuredOutputChatOptions {

	private static final Logger logger = LoggerFactory.getLogger(BedrockBindingChatOptions.class);

	/** The options left out that {@link Builder#build()} has logged, one bit each. */
	private static final AtomicInteger warned = new AtomicInteger();

	private final @Nullable String outputSchema;

	private final Map<String, Object> modelFields;

	protected BedrockBindingChatOptions(@Nullable List<ToolCallback> toolCallbacks,
			@Nullable Map<String, Object> toolContext, @Nullable String model, @Nullable Integer maxTokens,
			@Nullable List<String> stopSequences, @Nullable Double temperature, @Nullable Double topP,
			@Nullable String outputSchema, @Nullable Map<String, Object> modelFields) {
		super(toolCallbacks, toolContext, model, null, maxTokens, null, stopSequences, temperature, null, topP);
		this.outputSchema = outputSchema;
		this.modelFields = (modelFields == null || modelFields.isEmpty()) ? Map.of() : frozen(modelFields);
	}

	/**
	 * A copy of model fields, nested maps and lists too, that no one can change: the kept
	 * pipes are found by comparing them, so a caller's later change of a nested map must
	 * not make them equal to other fields.
	 * @param <T> the type of the value
	 * @param value a field's value: a map, a list or a plain value
	 * @return the copy (a plain value itself)
	 */
	@SuppressWarnings("unchecked")
	private static <T> T frozen(T value) {
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(key, frozen(item)));
			return (T) Collections.unmodifiableMap(copy);
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach((item) -> copy.add(frozen(item)));
			return (T) Collections.unmodifiableList(copy);
		}
		return value;
	}

	/**
	 * A builder of options.
	 * @return the builder
	 */
	public static Builder<?> builder() {
		return new Builder<>();
	}

	/**
	 * Options of any kind as bedrock-binding options: the same object when it is one,
	 * else a copy of every portable, tool-calling and structured-output option it has
	 * (the output schema through {@link Builder#combineWith}).
	 * @param options chat options of any Spring AI type
	 * @return the options as bedrock-binding options
	 */
	public static BedrockBindingChatOptions from(ChatOptions options) {
		if (options instanceof BedrockBindingChatOptions own) {
			return own;
		}
		Builder<?> builder = builder();
		builder.combineWith(options.mutate());
		if (options instanceof ToolCallingChatOptions tools) {
			builder.toolCallbacks(tools.getToolCallbacks());
			builder.toolContext(tools.getToolContext());
		}
		return builder.build();
	}

	/**
	 * The JSON schema the reply must follow, from Spring AI's native structured output.
	 * @return the schema, or {@code null} for free text
	 */
	@Override
	public @Nullable String getOutputSchema() {
		return this.outputSchema;
	}

	/**
	 * The model-specific request fields, sent as Converse's
	 * {@code additionalModelRequestFields}: Anthropic's {@code top_k} or
	 * {@code thinking}, say.
	 * @return the fields, empty for none
	 */
	public Map<String, Object> getModelFields() {
		return this.modelFields;
	}

	@Override
	public Builder<?> mutate() {
		Builder<?> builder = builder().model(getModel())
			.maxTokens(getMaxTokens())
			.stopSequences(getStopSequences())
			.temperature(getTemperature())
			.topP(getTopP())
			.toolCallbacks(getToolCallbacks())
			.toolContext(getToolContext())
			.modelFields(this.modelFields);
		return (this.outputSchema != null) ? builder.outputSchema(this.outputSchema) : builder;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return super.equals(other)
				&& Objects.equals(this.outputSchema, ((BedrockBindingChatOptions) other).outputSchema)
				&& this.modelFields.equals(((BedrockBindingChatOptions) other).modelFields);
	}

	@Override
	public int hashCode() {
		return Objects.hash(super.hashCode(), this.outputSchema, this.modelFields);
	}

	/**
	 * Builds {@link BedrockBindingChatOptions}.
	 *
	 * @param <B> the builder's own type
	 */
	public static class Builder<B extends Builder<B>> extends DefaultToolCallingChatOptions.Builder<B>
			implements StructuredOutputChatOptions.Builder<B> {

		protected @Nullable String outputSchema;

		protected @Nullable Map<String, Object> modelFields;

		@Override
		public B outputSchema(@Nullable String outputSchema) {
			this.outputSchema = outputSchema;
			return self();
		}

		/**
		 * Model-specific request fields, sent as Converse's
		 * {@code additionalModelRequestFields}, from plain Java values (maps, lists,
		 * strings, numbers, booleans): {@code Map.of("top_k", 5)}, or Anthropic's
		 * {@code Map.of("thinking", Map.of("type", "enabled", "budget_tokens", 1024))}.
		 * Merged into the defaults' fields by name: a field in both takes this value.
		 * @param modelFields the fields (replacing those set before), or {@code null} for
		 * none
		 * @return this builder
		 */
		public B modelFields(@Nullable Map<String, Object> modelFields) {
			this.modelFields = modelFields;
			return self();
		}

		/**
		 * Takes what the other builder sets over what this one has, the output schema
		 * included from any structured-output builder (Spring AI's own
		 * {@code StructuredOutputChatOptions.builder()} as well as this one). Model
		 * fields are merged by name, the other builder's winning.
		 * @param other the builder whose options win
		 * @return this builder
		 */
		@Override
		public B combineWith(ChatOptions.Builder<?> other) {
			super.combineWith(other);
			String schema = outputSchemaOf(other);
			if (schema != null) {
				this.outputSchema = schema;
			}
			if (other instanceof Builder<?> that && that.modelFields != null && !that.modelFields.isEmpty()) {
				// a new map: a clone() of this builder shares the old one
				Map<String, Object> merged = (this.modelFields != null) ? new LinkedHashMap<>(this.modelFields)
						: new LinkedHashMap<>();
				merged.putAll(that.modelFields);
				this.modelFields = merged;
			}
			return self();
		}

		private static void warnUnsent(int bit, String option, @Nullable Object value) {
			int mask = 1 << bit;
			if (value != null && (warned.get() & mask) == 0 && (warned.getAndUpdate((all) -> all | mask) & mask) == 0) {
				logger.warn(
						"Chat option {}={} is not sent to Bedrock: the Converse API takes maxTokens, temperature, "
								+ "topP and stopSequences only; leave {} out of the chat options, and send a field "
								+ "of the model's own request (Anthropic's top_k, say) with "
								+ "BedrockBindingChatOptions.builder().modelFields(..) (logged once)",
						option, value, option);
			}
		}

		private static @Nullable String outputSchemaOf(ChatOptions.Builder<?> other) {
			if (other instanceof Builder<?> that) {
				return that.outputSchema;
			}
			// Spring AI's structured-output builder has no getter: its options have
			return (other instanceof StructuredOutputChatOptions.Builder<?> structured
					&& structured.build() instanceof StructuredOutputChatOptions built) ? built.getOutputSchema()
							: null;
		}

		/**
		 * The options. Converse's inference configuration takes the maximum tokens,
		 * temperature, top p and stop sequences only: a top k or penalty set here is left
		 * out, logged once per option.
		 * @return the options
		 */
		@Override
		public BedrockBindingChatOptions build() {
			warnUnsent(0, "topK", this.topK);
			warnUnsent(1, "frequencyPenalty", this.frequencyPenalty);
			warnUnsent(2, "presencePenalty", this.presencePenalty);
			return new BedrockBindingChatOptions(this.toolCallbacks, this.toolContext, this.model, this.maxTokens,
					this.stopSequences, this.temperature, this.topP, this.outputSchema, this.modelFields);
		}

	}

}
