package io.bedrockbinding.pipe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

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
 * Every setting of a {@link BedrockPipe}, as one immutable value. The Converse settings
 * are the AWS SDK's own types ({@link SystemContentBlock}, {@link Message}, {@link Tool},
 * {@link ToolChoice}, {@link GuardrailConfiguration}, {@link OutputConfig},
 * {@link PerformanceConfiguration}, {@link ServiceTier}): the pipe sends them as given,
 * in Converse and ConverseStream alike.
 *
 * <pre>{@code
 * PipeOptions options = PipeOptions.builder()
 *     .systemPrompt("Answer in one sentence.")
 *     .maxTokens(200)
 *     .tool(PipeTool.of("weather", "The weather in a city", City.class, weather::forecast))
 *     .build();
 * BedrockPipe pipe = factory.pipe("amazon.nova-pro-v1:0", options);
 * PipeOptions warmer = options.with((o) -> o.temperature(0.9));
 * }</pre>
 */
public final class PipeOptions {

	/** How many tool rounds a call runs unless told otherwise. */
	public static final int DEFAULT_MAX_TOOL_ROUNDS = 10;

	/** No settings: Bedrock's defaults. */
	public static final PipeOptions DEFAULTS = builder().build();

	private final @Nullable String region;

	private final @Nullable Duration timeout;

	private final List<SystemContentBlock> system;

	private final @Nullable InferenceConfiguration inferenceConfig;

	private final List<Message> messages;

	private final List<Tool> tools;

	private final Map<String, PipeTool> functions;

	private final @Nullable ToolChoice toolChoice;

	private final int maxToolRounds;

	private final @Nullable GuardrailConfiguration guardrailConfig;

	private final @Nullable OutputConfig outputConfig;

	private final @Nullable PerformanceConfiguration performanceConfig;

	private final @Nullable ServiceTier serviceTier;

	private final Map<String, String> requestMetadata;

	private final @Nullable Document additionalModelRequestFields;

	private final List<String> additionalModelResponseFieldPaths;

	private final @Nullable Consumer<ConverseRequest.Builder> request;

	PipeOptions(PipeOptionsBuilder builder) {
		this.region = builder.region;
		this.timeout = builder.timeout;
		this.system = List.copyOf(builder.system);
		this.inferenceConfig = builder.inferenceConfig();
		this.messages = List.copyOf(builder.messages);
		this.tools = List.copyOf(builder.tools);
		this.functions = Map.copyOf(builder.functions);
		this.toolChoice = builder.toolChoice;
		this.maxToolRounds = builder.maxToolRounds;
		this.guardrailConfig = builder.guardrailConfig;
		this.outputConfig = builder.outputConfig;
		this.performanceConfig = builder.performanceConfig;
		this.serviceTier = builder.serviceTier;
		this.requestMetadata = Map.copyOf(builder.requestMetadata);
		this.additionalModelRequestFields = builder.additionalModelRequestFields;
		this.additionalModelResponseFieldPaths = List.copyOf(builder.additionalModelResponseFieldPaths);
		this.request = builder.request;
	}

	/**
	 * A builder of options, with nothing set.
	 * @return the builder
	 */
	public static PipeOptionsBuilder builder() {
		return new PipeOptionsBuilder();
	}

	/**
	 * A builder that starts from these options.
	 * @return the builder
	 */
	public PipeOptionsBuilder toBuilder() {
		return new PipeOptionsBuilder(this);
	}

	/**
	 * These options with some settings changed.
	 * @param change sets what differs, e.g. {@code (o) -> o.maxTokens(100)}
	 * @return the new options
	 */
	public PipeOptions with(Consumer<PipeOptionsBuilder> change) {
		Objects.requireNonNull(change, "change is null");
		PipeOptionsBuilder builder = toBuilder();
		change.accept(builder);
		return builder.build();
	}

	/**
	 * The region calls go to unless the target is an ARN of another region.
	 * @return the region, or {@code null} for the factory's
	 */
	public @Nullable String region() {
		return this.region;
	}

	/**
	 * The longest a whole call (one model call, retries included) may take.
	 * @return the timeout, or {@code null} for the factory's API-call timeout
	 */
	public @Nullable Duration timeout() {
		return this.timeout;
	}

	/**
	 * The system content sent with every call.
	 * @return the system blocks, empty for none
	 */
	public List<SystemContentBlock> system() {
		return this.system;
	}

	/**
	 * Temperature, top-p, max tokens and stop sequences.
	 * @return the inference configuration, or {@code null} for the model's defaults
	 */
	public @Nullable InferenceConfiguration inferenceConfig() {
		return this.inferenceConfig;
	}

	/**
	 * The earlier turns sent before each call's own messages.
	 * @return the messages, oldest first
	 */
	public List<Message> messages() {
		return this.messages;
	}

	/**
	 * The SDK tool specifications (and cache points) offered to the model, besides the
	 * {@link #functions()}.
	 * @return the tools
	 */
	public List<Tool> tools() {
		return this.tools;
	}

	/**
	 * The Java functions offered to the model as tools, by name: a call runs them when
	 * the model asks for them and sends their results back.
	 * @return the functions
	 */
	public Map<String, PipeTool> functions() {
		return this.functions;
	}

	/**
	 * Whether the model must use a tool, and which.
	 * @return the tool choice, or {@code null} for Bedrock's default (auto)
	 */
	public @Nullable ToolChoice toolChoice() {
		return this.toolChoice;
	}

	/**
	 * How many times one call may send tool results back to the model.
	 * @return the most tool rounds of a call
	 */
	public int maxToolRounds() {
		return this.maxToolRounds;
	}

	/**
	 * The guardrail applied to every call.
	 * @return the guardrail, or {@code null} for none
	 */
	public @Nullable GuardrailConfiguration guardrailConfig() {
		return this.guardrailConfig;
	}

	/**
	 * The output format, such as a JSON schema the answer must follow.
	 * @return the output configuration, or {@code null} for free text
	 */
	public @Nullable OutputConfig outputConfig() {
		return this.outputConfig;
	}

	/**
	 * Latency-optimized inference or not.
	 * @return the performance configuration, or {@code null} for standard
	 */
	public @Nullable PerformanceConfiguration performanceConfig() {
		return this.performanceConfig;
	}

	/**
	 * The service tier of the calls.
	 * @return the service tier, or {@code null} for the default
	 */
	public @Nullable ServiceTier serviceTier() {
		return this.serviceTier;
	}

	/**
	 * Metadata Bedrock records with each call (for invocation logs).
	 * @return the metadata
	 */
	public Map<String, String> requestMetadata() {
		return this.requestMetadata;
	}

	/**
	 * Model-specific request fields, such as {@code top_k} or a reasoning budget.
	 * @return the fields, or {@code null} for none
	 */
	public @Nullable Document additionalModelRequestFields() {
		return this.additionalModelRequestFields;
	}

	/**
	 * JSON pointers of model-specific fields the answer should carry back.
	 * @return the paths
	 */
	public List<String> additionalModelResponseFieldPaths() {
		return this.additionalModelResponseFieldPaths;
	}

	/**
	 * What adjusts each SDK request after the pipe filled it in.
	 * @return the adjustment, or {@code null} for none
	 */
	public @Nullable Consumer<ConverseRequest.Builder> request() {
		return this.request;
	}

}
