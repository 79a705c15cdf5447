package io.bedrockbinding.pipe;

import java.util.Objects;
import java.util.regex.Pattern;

import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A Java function offered to the model as a tool ({@link PipeOptionsBuilder#tool}). When
 * the model asks for it, the pipe runs it and sends its result back: a {@code String} as
 * text, anything else as JSON (via Jackson); an exception as an error result
 * ({@code status: error}) with the exception's message, so that the model can react.
 *
 * <pre>{@code
 * record City(String city) { }
 * PipeTool weather = PipeTool.of("weather", "Today's weather in a city", City.class,
 *     (input) -> forecasts.today(input.city()));
 * }</pre>
 */
public final class PipeTool {

	/**
	 * What Bedrock takes as a tool's name: length 1 to 64, pattern {@code [a-zA-Z0-9_-]+}
	 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ToolSpecification.html).
	 */
	private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

	private final String name;

	private final Tool tool;

	private final Function function;

	private PipeTool(String name, String description, Document schema, Function function) {
		Objects.requireNonNull(name, "name is null");
		Objects.requireNonNull(description, "description is null");
		Objects.requireNonNull(function, "function is null");
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"'" + name + "' is no tool name Bedrock takes: use 1 to 64 letters, " + "digits, '_' or '-' (e.g. "
							+ (name.isBlank() ? "weather" : name.replaceAll("[^a-zA-Z0-9_-]", "_")) + ")");
		}
		this.name = name;
		this.tool = Tool.fromToolSpec(
				(spec) -> spec.name(name).description(description).inputSchema((input) -> input.json(schema)));
		this.function = function;
	}

	/**
	 * A tool whose input follows {@code jsonSchema}.
	 * @param name the tool's name, as the model calls it
	 * @param description what it does, for the model
	 * @param jsonSchema the JSON schema of its input (an object)
	 * @param function what runs when the model calls it
	 * @return the tool
	 */
	public static PipeTool of(String name, String description, String jsonSchema, Function function) {
		Objects.requireNonNull(jsonSchema, "jsonSchema is null");
		return new PipeTool(name, description, PipeJson.fromJson(jsonSchema), function);
	}

	/**
	 * A tool whose input is a record, its schema derived from the record
	 * ({@link PipeSchemas}).
	 * @param <T> the input's type
	 * @param name the tool's name, as the model calls it
	 * @param description what it does, for the model
	 * @param input the record the model's input is read into
	 * @param function what runs when the model calls it
	 * @return the tool
	 */
	public static <T> PipeTool of(String name, String description, Class<T> input, TypedFunction<T> function) {
		Objects.requireNonNull(input, "input (the record the model's input is read into) is null");
		Objects.requireNonNull(function, "function is null");
		return new PipeTool(name, description, PipeJson.fromNode(PipeSchemas.node(input)), (json) -> {
			String missing = PipeSchemas.missing(json, input, "");
			if (missing != null) {
				throw new IllegalArgumentException("The input does not match " + input.getSimpleName() + " at "
						+ missing + ": it has no " + missing);
			}
			T value;
			try {
				value = PipeJson.mapper.treeToValue(json, input);
			}
			catch (JacksonException ex) {
				throw new IllegalArgumentException("The input does not match " + input.getSimpleName() + " at "
						+ PipeJson.path(ex) + ": " + ex.getOriginalMessage(), ex);
			}
			return function.call(value);
		});
	}

	/**
	 * The tool's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The tool as the SDK offers it to the model.
	 * @return the SDK tool
	 */
	public Tool tool() {
		return this.tool;
	}

	/**
	 * Runs the tool for one tool use of the model.
	 * @param use what the model asked for
	 * @return the result to send back: an error result if the function threw
	 */
	ToolResultBlock run(ToolUseBlock use) {
		ToolResultBlock.Builder result = ToolResultBlock.builder().toolUseId(use.toolUseId());
		Object output;
		try {
			output = this.function.call(PipeJson.toNode(use.input()));
		}
		catch (Exception ex) {
			String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
			return result.status(ToolResultStatus.ERROR).content(ToolResultContentBlock.fromText(message)).build();
		}
		ToolResultContentBlock content = (output instanceof String text) ? ToolResultContentBlock.fromText(text)
				: ToolResultContentBlock.fromJson(PipeJson.fromValue(output));
		return result.status(ToolResultStatus.SUCCESS).content(content).build();
	}

	@Override
	public String toString() {
		return "PipeTool[" + this.name + "]";
	}

	/** What runs when the model calls a tool, with its input as JSON. */
	@FunctionalInterface
	public interface Function {

		/**
		 * Runs the tool.
		 * @param input the model's input, as JSON
		 * @return the result: a {@code String}, or anything Jackson can write as JSON
		 * @throws Exception any failure, sent to the model as an error result
		 */
		Object call(JsonNode input) throws Exception;

	}

	/**
	 * What runs when the model calls a tool, with its input read into a record.
	 *
	 * @param <T> the input's type
	 */
	@FunctionalInterface
	public interface TypedFunction<T> {

		/**
		 * Runs the tool.
		 * @param input the model's input
		 * @return the result: a {@code String}, or anything Jackson can write as JSON
		 * @throws Exception any failure, sent to the model as an error result
		 */
		Object call(T input) throws Exception;

	}

}
