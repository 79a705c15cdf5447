package io.bedrockbinding.pipe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.OutputConfig;
import software.amazon.awssdk.services.bedrockruntime.model.PerformanceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceTier;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;

/**
 * The one place that builds a pipe's SDK requests. {@link #converse} fills in a Converse
 * request from the options, the target and the messages, then applies the options'
 * request adjustment; {@link #stream} makes the ConverseStream request from it, field by
 * field, so that both APIs always send the same. The parts the options fix are built once
 * per pipe, so that a call only builds what changes: the messages and the target.
 */
final class PipeRequests {

	/** The ConverseStream fields a Converse request fills in, by member name. */
	private static final List<SdkField<?>[]> STREAM_FIELDS = streamFields();

	private final @Nullable List<SystemContentBlock> system;

	private final @Nullable InferenceConfiguration inferenceConfig;

	private final @Nullable ToolConfiguration toolConfig;

	private final @Nullable GuardrailConfiguration guardrailConfig;

	private final @Nullable OutputConfig outputConfig;

	private final @Nullable PerformanceConfiguration performanceConfig;

	private final @Nullable ServiceTier serviceTier;

	private final @Nullable Map<String, String> requestMetadata;

	private final @Nullable Document additionalFields;

	private final @Nullable List<String> responseFieldPaths;

	private final List<Message> history;

	private final @Nullable AwsRequestOverrideConfiguration override;

	private final @Nullable Consumer<ConverseRequest.Builder> adjustment;

	PipeRequests(PipeOptions options) {
		this.system = options.system().isEmpty() ? null : options.system();
		this.inferenceConfig = options.inferenceConfig();
		List<Tool> tools = new ArrayList<>(options.tools());
		options.functions().values().forEach((function) -> tools.add(function.tool()));
		this.toolConfig = (tools.isEmpty() && options.toolChoice() == null) ? null
				: ToolConfiguration.builder().tools(tools).toolChoice(options.toolChoice()).build();
		this.guardrailConfig = options.guardrailConfig();
		this.outputConfig = options.outputConfig();
		this.performanceConfig = options.performanceConfig();
		this.serviceTier = options.serviceTier();
		this.requestMetadata = options.requestMetadata().isEmpty() ? null : options.requestMetadata();
		this.additionalFields = options.additionalModelRequestFields();
		this.responseFieldPaths = options.additionalModelResponseFieldPaths().isEmpty() ? null
				: options.additionalModelResponseFieldPaths();
		this.history = options.messages();
		Duration timeout = options.timeout();
		this.override = (timeout != null) ? AwsRequestOverrideConfiguration.builder().apiCallTimeout(timeout).build()
				: null;
		this.adjustment = options.request();
	}

	/**
	 * The messages a call sends: the options' history, then the call's own.
	 * @param turn the call's messages
	 * @return all of them, oldest first
	 */
	List<Message> messages(List<Message> turn) {
		if (this.history.isEmpty()) {
			return turn;
		}
		List<Message> all = new ArrayList<>(this.history.size() + turn.size());
		all.addAll(this.history);
		all.addAll(turn);
		return all;
	}

	/**
	 * The Converse request of one call.
	 * @param target the target to call (profile ID, ARN or model ID)
	 * @param messages every message to send ({@link #messages})
	 * @return the request
	 */
	ConverseRequest converse(String target, List<Message> messages) {
		ConverseRequest.Builder request = ConverseRequest.builder()
			.modelId(target)
			.messages(messages)
			.system(this.system)
			.inferenceConfig(this.inferenceConfig)
			.toolConfig(this.toolConfig)
			.guardrailConfig(this.guardrailConfig)
			.outputConfig(this.outputConfig)
			.performanceConfig(this.performanceConfig)
			.serviceTier(this.serviceTier)
			.requestMetadata(this.requestMetadata)
			.additionalModelRequestFields(this.additionalFields)
			.additionalModelResponseFieldPaths(this.responseFieldPaths)
			.overrideConfiguration(this.override);
		if (this.adjustment != null) {
			this.adjustment.accept(request);
		}
		return request.build();
	}

	/**
	 * The ConverseStream request that sends the same as {@code request}: every field of
	 * the same name, the guardrail with the same identifier, version and trace, and the
	 * same override configuration.
	 * @param request a Converse request
	 * @return the ConverseStream request
	 */
	static ConverseStreamRequest stream(ConverseRequest request) {
		ConverseStreamRequest.Builder stream = ConverseStreamRequest.builder();
		for (SdkField<?>[] field : STREAM_FIELDS) {
			field[1].set(stream, field[0].getValueOrDefault(request));
		}
		GuardrailConfiguration guardrail = request.guardrailConfig();
		if (guardrail != null) {
			stream.guardrailConfig(GuardrailStreamConfiguration.builder()
				.guardrailIdentifier(guardrail.guardrailIdentifier())
				.guardrailVersion(guardrail.guardrailVersion())
				.trace(guardrail.traceAsString())
				.build());
		}
		request.overrideConfiguration().ifPresent(stream::overrideConfiguration);
		return stream.build();
	}

	private static List<SdkField<?>[]> streamFields() {
		List<SdkField<?>[]> fields = new ArrayList<>();
		List<SdkField<?>> converse = ConverseRequest.builder().sdkFields();
		for (SdkField<?> target : ConverseStreamRequest.builder().sdkFields()) {
			if (target.memberName().equals("guardrailConfig")) {
				continue; // a GuardrailStreamConfiguration: see stream()
			}
			for (SdkField<?> source : converse) {
				if (source.memberName().equals(target.memberName())) {
					fields.add(new SdkField<?>[] { source, target });
				}
			}
		}
		return List.copyOf(fields);
	}

}
