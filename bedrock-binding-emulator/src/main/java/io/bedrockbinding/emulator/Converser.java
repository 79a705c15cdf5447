package io.bedrockbinding.emulator;

import java.util.ArrayList;
import java.util.List;

import io.bedrockbinding.catalog.ModelInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's "model" for Converse and ConverseStream: validates a request as Bedrock
 * does (media, tools, reasoning, cache points, guardrail) and answers it
 * deterministically. In order: a guardrail that blocks the input answers alone; else
 * reasoning (when asked for), then a tool call ({@link ToolTurn}), a structured answer
 * ({@link StructuredOutput}), the quoted tool results or the echo of the question with
 * the media it saw; a guardrail that blocks that answer replaces it.
 */
final class Converser {

	private final ConverseState state;

	Converser(ConverseState state) {
		this.state = state;
	}

	ConverseReply reply(ResolvedTarget target, byte[] body) {
		ConverseInput input = ConverseInput.parse(body);
		ModelInfo model = target.model();
		JsonNode root = input.root();
		input.media().requireSupportedBy(model);
		ToolTurn tools = ToolTurn.of(root, input.messages(), model);
		boolean reasons = Reasoning.requested(root, input.messages(), model);
		JsonNode schema = StructuredOutput.schema(root);
		int[] cache = this.state.cache().use(root, input.messages(), model);
		LocalGuardrail guardrail = this.state.guardrails().of(root);
		int cached = (cache != null) ? cache[0] + cache[1] : 0;
		int inputTokens = Math.max(1, input.inputTokens() - cached);
		if (guardrail != null) {
			String word = guardrail.match(Guardrails.input(root, input.messages()));
			if (word != null) {
				return new ConverseReply(List.of(new ConverseReply.Block.Text(guardrail.blockedInput())),
						Guardrails.INTERVENED, usage(inputTokens, 0, cache),
						Guardrails.traced(root) ? Guardrails.inputTrace(guardrail, word) : null, echo(root, null));
			}
		}
		List<ConverseReply.Block> blocks = new ArrayList<>();
		if (reasons) {
			String reasoning = Reasoning.text(input.prompt());
			blocks.add(new ConverseReply.Block.Reasoning(reasoning, Reasoning.signature(reasoning)));
		}
		String stopReason;
		String stopSequence = null;
		int outputTokens;
		int reasoningTokens = reasons ? Generation.tokens(Reasoning.text(input.prompt())) : 0;
		if (tools.call() != null) {
			String text = "Calling " + tools.call().name() + ".";
			blocks.add(new ConverseReply.Block.Text(text));
			blocks.add(new ConverseReply.Block.ToolUse(tools.call()));
			stopReason = "tool_use";
			outputTokens = Generation.tokens(text + tools.call().input());
		}
		else {
			Generation generation = Generation.of(text(target, input, tools, schema), inputTokens, input.maxTokens(),
					input.stopSequences());
			blocks.add(new ConverseReply.Block.Text(generation.text()));
			stopReason = generation.stopReason();
			stopSequence = generation.stopSequence();
			outputTokens = generation.outputTokens();
		}
		if (guardrail != null) {
			String answer = answerText(blocks);
			String word = guardrail.match(answer);
			if (word != null) {
				return new ConverseReply(List.of(new ConverseReply.Block.Text(guardrail.blockedOutputs())),
						Guardrails.INTERVENED, usage(inputTokens, outputTokens, cache),
						Guardrails.traced(root) ? Guardrails.outputTrace(guardrail, word, answer) : null,
						echo(root, null));
			}
		}
		return new ConverseReply(List.copyOf(blocks), stopReason,
				usage(inputTokens, outputTokens + reasoningTokens, cache), null, echo(root, stopSequence));
	}

	private static String text(ResolvedTarget target, ConverseInput input, ToolTurn tools, @Nullable JsonNode schema) {
		if (schema != null) {
			return StructuredOutput.answer(schema, input.prompt());
		}
		if (!tools.results().isEmpty()) {
			return "[" + target.label() + "] Tool " + String.join("; tool ", tools.results());
		}
		String text = "[" + target.label() + "] You said: " + input.prompt();
		if (!input.media().seen().isEmpty()) {
			text += " [saw " + String.join(", ", input.media().seen()) + "]";
		}
		return text;
	}

	/**
	 * What the answer repeats: {@code performanceConfig} and {@code serviceTier} as sent;
	 * for {@code additionalModelResponseFieldPaths}, the field of each path the emulated
	 * native reply has ({@code /stop_sequence}, the stop sequence that cut the answer or
	 * {@code null}); other paths are left out.
	 * @param root the request body
	 * @param stopSequence the stop sequence that cut the answer, if one did
	 * @return the fields to add to the answer
	 */
	private static ObjectNode echo(JsonNode root, @Nullable String stopSequence) {
		ObjectNode echo = Json.newObject();
		for (String field : new String[] { "performanceConfig", "serviceTier" }) {
			if (root.path(field).isObject()) {
				echo.set(field, root.get(field));
			}
		}
		List<String> paths = Json.texts(root, "additionalModelResponseFieldPaths");
		if (!paths.isEmpty()) {
			ObjectNode fields = echo.putObject("additionalModelResponseFields");
			if (paths.contains("/stop_sequence")) {
				fields.put("stop_sequence", stopSequence);
			}
		}
		return echo;
	}

	private static String answerText(List<ConverseReply.Block> blocks) {
		StringBuilder text = new StringBuilder();
		for (ConverseReply.Block block : blocks) {
			if (block instanceof ConverseReply.Block.Text part) {
				text.append(part.text());
			}
		}
		return text.toString();
	}

	private static ConverseReply.Usage usage(int inputTokens, int outputTokens, int @Nullable [] cache) {
		return new ConverseReply.Usage(inputTokens, outputTokens, (cache != null) ? cache[0] : null,
				(cache != null) ? cache[1] : null);
	}

}
