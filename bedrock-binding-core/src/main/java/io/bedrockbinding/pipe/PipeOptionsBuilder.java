package io.bedrockbinding.pipe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import io.bedrockbinding.identifier.BedrockArn;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.OutputConfig;
import software.amazon.awssdk.services.bedrockruntime.model.PerformanceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceTier;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;

/**
 * Builds {@link PipeOptions}: {@link PipeOptions#builder()},
 * {@link PipeOptions#toBuilder()} or {@link PipeOptions#with}. Not thread-safe.
 */
public final class PipeOptionsBuilder {

	@Nullable String region;

	@Nullable Duration timeout;

	List<SystemContentBlock> system = new ArrayList<>();

	InferenceParameters inference = InferenceParameters.NONE;

	List<Message> messages = new ArrayList<>();

	List<Tool> tools = new ArrayList<>();

	Map<String, PipeTool> functions = new LinkedHashMap<>();

	@Nullable ToolChoice toolChoice;

	int maxToolRounds = PipeOptions.DEFAULT_MAX_TOOL_ROUNDS;

	@Nullable GuardrailConfiguration guardrailConfig;

	@Nullable OutputConfig outputConfig;

	@Nullable PerformanceConfiguration performanceConfig;

	@Nullable ServiceTier serviceTier;

	Map<String, String> requestMetadata = new LinkedHashMap<>();

	@Nullable Document additionalModelRequestFields;

	List<String> additionalModelResponseFieldPaths = new ArrayList<>();

	@Nullable Consumer<ConverseRequest.Builder> request;

	PipeOptionsBuilder() {
	}

	PipeOptionsBuilder(PipeOptions options) {
		this.region = options.region();
		this.timeout = options.timeout();
		this.system = new ArrayList<>(options.system());
		this.inference = InferenceParameters.of(options.inferenceConfig());
		this.messages = new ArrayList<>(options.messages());
		this.tools = new ArrayList<>(options.tools());
		this.functions = new LinkedHashMap<>(options.functions());
		this.toolChoice = options.toolChoice();
		this.maxToolRounds = options.maxToolRounds();
		this.guardrailConfig = options.guardrailConfig();
		this.outputConfig = options.outputConfig();
		this.performanceConfig = options.performanceConfig();
		this.serviceTier = options.serviceTier();
		this.requestMetadata = new LinkedHashMap<>(options.requestMetadata());
		this.additionalModelRequestFields = options.additionalModelRequestFields();
		this.additionalModelResponseFieldPaths = new ArrayList<>(options.additionalModelResponseFieldPaths());
		this.request = options.request();
	}

	/**
	 * Calls go to {@code region} unless the target is an ARN of another region. A
	 * well-formed region the AWS SDK does not know (a region newer than the SDK) is
	 * taken; a call to it that fails says the SDK does not know it.
	 * @param region the region, or {@code null} for the factory's
	 * @return this builder
	 * @throws IllegalArgumentException if {@code region} is not a region name at all
	 * ({@link BedrockArn#regionNameProblem}: upper case, blanks, another shape)
	 */
	public PipeOptionsBuilder region(@Nullable String region) {
		this.region = BedrockArn.requireRegionName(region, "the pipe's region, withRegion");
		return this;
	}

	/**
	 * A model call may take at most {@code timeout}, retries included. Overrides the
	 * factory's API-call timeout ({@link PipeTimeouts#apiCall()}).
	 * @param timeout the longest a model call may take, or {@code null} for the factory's
	 * @return this builder
	 */
	public PipeOptionsBuilder timeout(@Nullable Duration timeout) {
		if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
			throw new IllegalArgumentException("timeout must be positive, got " + timeout);
		}
		this.timeout = timeout;
		return this;
	}

	/**
	 * A system prompt of one text block (replacing any system content).
	 * @param systemPrompt the system prompt, or {@code null} for none
	 * @return this builder
	 */
	public PipeOptionsBuilder systemPrompt(@Nullable String systemPrompt) {
		this.system = new ArrayList<>();
		if (systemPrompt != null) {
			this.system.add(SystemContentBlock.fromText(systemPrompt));
		}
		return this;
	}

	/**
	 * System content: text, guarded content, cache points.
	 * @param system the blocks (replacing any system content)
	 * @return this builder
	 */
	public PipeOptionsBuilder system(List<SystemContentBlock> system) {
		this.system = copy(system, "system");
		return this;
	}

	/**
	 * Sampling temperature.
	 * @param temperature 0 to 1
	 * @return this builder
	 */
	public PipeOptionsBuilder temperature(double temperature) {
		this.inference = this.inference.withTemperature(temperature);
		return this;
	}

	/**
	 * Nucleus sampling.
	 * @param topP the share of probability mass to sample from, 0 to 1
	 * @return this builder
	 */
	public PipeOptionsBuilder topP(double topP) {
		this.inference = this.inference.withTopP(topP);
		return this;
	}

	/**
	 * The most tokens of a reply.
	 * @param maxTokens at least 1
	 * @return this builder
	 */
	public PipeOptionsBuilder maxTokens(int maxTokens) {
		this.inference = this.inference.withMaxTokens(maxTokens);
		return this;
	}

	/**
	 * Sequences that end a reply.
	 * @param stopSequences up to four sequences
	 * @return this builder
	 */
	public PipeOptionsBuilder stopSequences(List<String> stopSequences) {
		this.inference = this.inference.withStopSequences(stopSequences);
		return this;
	}

	/**
	 * Temperature, top-p, max tokens and stop sequences at once, checked as their own
	 * setters check them; a value out of range changes none of them.
	 * @param inferenceConfig the SDK's configuration, or {@code null} to clear them
	 * @return this builder
	 */
	public PipeOptionsBuilder inferenceConfig(@Nullable InferenceConfiguration inferenceConfig) {
		this.inference = InferenceParameters.of(inferenceConfig);
		return this;
	}

	/**
	 * The earlier turns of the conversation, sent before each call's own messages.
	 * @param messages the turns, oldest first, with any content blocks
	 * @return this builder
	 */
	public PipeOptionsBuilder messages(List<Message> messages) {
		this.messages = copy(messages, "messages");
		return this;
	}

	/**
	 * SDK tool specifications (or cache points) offered to the model; the caller answers
	 * their tool uses itself.
	 * @param tools the tools (replacing earlier SDK tools)
	 * @return this builder
	 */
	public PipeOptionsBuilder tools(List<Tool> tools) {
		this.tools = copy(tools, "tools");
		return this;
	}

	/**
	 * Offers a Java function as a tool: a call runs it when the model asks for it and
	 * sends its result back (its failures as error results), until the model ends its
	 * turn.
	 * @param tool the function
	 * @return this builder
	 */
	public PipeOptionsBuilder tool(PipeTool tool) {
		Objects.requireNonNull(tool, "tool is null");
		this.functions.put(tool.name(), tool);
		return this;
	}

	/**
	 * Whether the model must use a tool: {@code ToolChoice.fromAuto(...)},
	 * {@code fromAny(...)} or {@code fromTool((t) -> t.name("weather"))}.
	 * @param toolChoice the choice, or {@code null} for Bedrock's default
	 * @return this builder
	 */
	public PipeOptionsBuilder toolChoice(@Nullable ToolChoice toolChoice) {
		this.toolChoice = toolChoice;
		return this;
	}

	/**
	 * How many times one call may send tool results back before it fails with
	 * {@link FailureReason#TOOL_ROUNDS_EXCEEDED}.
	 * @param maxToolRounds at least 1
	 * @return this builder
	 */
	public PipeOptionsBuilder maxToolRounds(int maxToolRounds) {
		if (maxToolRounds < 1) {
			throw new IllegalArgumentException("maxToolRounds must be at least 1, got " + maxToolRounds);
		}
		this.maxToolRounds = maxToolRounds;
		return this;
	}

	/**
	 * A guardrail for every call (ConverseStream gets the same identifier, version and
	 * trace).
	 * @param guardrailConfig the guardrail, or {@code null} for none
	 * @return this builder
	 */
	public PipeOptionsBuilder guardrailConfig(@Nullable GuardrailConfiguration guardrailConfig) {
		this.guardrailConfig = guardrailConfig;
		return this;
	}

	/**
	 * The output format, e.g. {@link PipeSchemas#outputConfig(Class)} for a record.
	 * @param outputConfig the output configuration, or {@code null} for free text
	 * @return this builder
	 */
	public PipeOptionsBuilder outputConfig(@Nullable OutputConfig outputConfig) {
		this.outputConfig = outputConfig;
		return this;
	}

	/**
	 * Latency-optimized inference or standard.
	 * @param performanceConfig the configuration, or {@code null} for standard
	 * @return this builder
	 */
	public PipeOptionsBuilder performanceConfig(@Nullable PerformanceConfiguration performanceConfig) {
		this.performanceConfig = performanceConfig;
		return this;
	}

	/**
	 * The service tier of the calls.
	 * @param serviceTier the tier, or {@code null} for the default
	 * @return this builder
	 */
	public PipeOptionsBuilder serviceTier(@Nullable ServiceTier serviceTier) {
		this.serviceTier = serviceTier;
		return this;
	}

	/**
	 * Metadata Bedrock records with each call.
	 * @param requestMetadata the metadata (replacing earlier metadata)
	 * @return this builder
	 */
	public PipeOptionsBuilder requestMetadata(Map<String, String> requestMetadata) {
		Objects.requireNonNull(requestMetadata, "requestMetadata is null: give an empty map for none");
		this.requestMetadata = new LinkedHashMap<>(requestMetadata);
		return this;
	}

	/**
	 * Model-specific request fields from plain Java values (maps, lists, strings,
	 * numbers, booleans).
	 * @param modelFields the fields, e.g. {@code top_k}; empty for none
	 * @return this builder
	 */
	public PipeOptionsBuilder modelFields(Map<String, Object> modelFields) {
		Objects.requireNonNull(modelFields, "modelFields is null: give an empty map for none");
		this.additionalModelRequestFields = modelFields.isEmpty() ? null : Documents.from(modelFields);
		return this;
	}

	/**
	 * Model-specific request fields.
	 * @param fields the fields, or {@code null} for none
	 * @return this builder
	 */
	public PipeOptionsBuilder additionalModelRequestFields(@Nullable Document fields) {
		this.additionalModelRequestFields = fields;
		return this;
	}

	/**
	 * JSON pointers of model-specific fields the answer should carry back
	 * ({@link PipeResult#response()}'s {@code additionalModelResponseFields}).
	 * @param paths the paths, e.g. {@code /stop_sequence}
	 * @return this builder
	 */
	public PipeOptionsBuilder additionalModelResponseFieldPaths(List<String> paths) {
		this.additionalModelResponseFieldPaths = copy(paths, "additionalModelResponseFieldPaths");
		return this;
	}

	/**
	 * Adjusts every SDK request after the pipe filled it in, for anything these options
	 * do not cover. ConverseStream requests are made from the adjusted Converse request,
	 * so one adjustment serves both.
	 * @param request the adjustment (replacing an earlier one), or {@code null}
	 * @return this builder
	 */
	public PipeOptionsBuilder request(@Nullable Consumer<ConverseRequest.Builder> request) {
		this.request = request;
		return this;
	}

	/**
	 * The options.
	 * @return the options
	 */
	public PipeOptions build() {
		return new PipeOptions(this);
	}

	/**
	 * A copy of a list a setter was given, which must not be or hold {@code null}.
	 * @param <T> the type of its elements
	 * @param list the list
	 * @param name the setter's parameter, for the message
	 * @return the copy
	 */
	private static <T> List<T> copy(List<T> list, String name) {
		Objects.requireNonNull(list, () -> name + " is null: give an empty list for none");
		List<T> copy = new ArrayList<>(list);
		int at = copy.indexOf(null);
		if (at >= 0) {
			throw new IllegalArgumentException(name + " holds null at index " + at);
		}
		return copy;
	}

	@Nullable InferenceConfiguration inferenceConfig() {
		return this.inference.toSdk();
	}

}
