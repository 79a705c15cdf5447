package io.bedrockbinding.benchmarks;

import java.util.List;

import io.bedrockbinding.ai.chat.BedrockBindingChatModel;
import io.bedrockbinding.ai.chat.BedrockBindingChatOptions;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;

/**
 * Spring AI's {@code ChatClient.prompt().system(..).user(..).call().content()} through
 * bedrock-binding's chat model against {@code pipe.execute(prompt)} of the same prompt,
 * system prompt and max tokens, on the same pipe factory, clients and LocalBedrock. Both
 * resolve the binding of the same model on every call. No observation registry (Spring
 * AI's no-op one), as an application without Micrometer tracing has. Goal: ChatClient p50
 * at most 1.05x pipe p50. {@link #pairedChatClientAndPipe(Blackhole)} measures both in
 * one fork; {@link #pairedChatModelAndPipe(Blackhole)} measures the chat model alone
 * against the pipe, which splits the ChatClient figure into Spring AI's share and the
 * chat model's.
 */
public class ChatClientCallBenchmark extends PairedBenchmark {

	private LocalSetup local;

	private ChatClient chatClient;

	private BedrockBindingChatModel chatModel;

	private final PairedSamples pairedModel = new PairedSamples("chatModel", "pipe");

	public ChatClientCallBenchmark() {
		super("chatClient", "pipe");
	}

	@Setup
	public void setUp() {
		this.local = new LocalSetup();
		BedrockBindingChatOptions options = BedrockBindingChatOptions.builder()
			.model(LocalSetup.MODEL)
			.maxTokens(LocalSetup.MAX_TOKENS)
			.build();
		this.chatModel = new BedrockBindingChatModel(this.local.factory, options, ToolCallingManager.builder().build(),
				ObservationRegistry.NOOP);
		this.chatClient = ChatClient.builder(this.chatModel).build();
		String viaChatClient = chatClientCall();
		String viaChatModel = chatModelCall();
		String viaPipe = baselinePipeExecute();
		sameAnswer(viaChatClient, viaPipe);
		sameAnswer(viaChatModel, viaPipe);
	}

	@Setup(Level.Iteration)
	public void modelIteration(IterationParams params) {
		this.pairedModel.iteration(params);
	}

	@TearDown
	public void modelSummary() {
		this.pairedModel.printSummary();
	}

	@Override
	protected void close() {
		this.local.close();
	}

	@Benchmark
	public String chatClientCall() {
		return this.chatClient.prompt().system(LocalSetup.SYSTEM_PROMPT).user(LocalSetup.PROMPT).call().content();
	}

	/**
	 * The chat model alone, without {@code ChatClient}'s request spec and advisor chain:
	 * the prompt a {@code ChatClient} hands the model (a system and a user message, the
	 * model's default options), built per call. The difference between this and
	 * {@link #chatClientCall()} is Spring AI's share; between this and
	 * {@link #baselinePipeExecute()}, the chat model's.
	 * @return the reply's text
	 */
	@Benchmark
	public String chatModelCall() {
		Prompt prompt = new Prompt(
				List.of(new SystemMessage(LocalSetup.SYSTEM_PROMPT), new UserMessage(LocalSetup.PROMPT)),
				this.chatModel.getDefaultOptions().mutate().build());
		return this.chatModel.call(prompt).getResult().getOutput().getText();
	}

	@Benchmark
	public String baselinePipeExecute() {
		return this.local.pipe.execute(LocalSetup.PROMPT).text();
	}

	/**
	 * A cross-check of the two figures above: one ChatClient call and one pipe call per
	 * invocation, in alternating order, each timed on its own; the p50 of each and their
	 * ratio are printed at the end of the run ({@link PairedSamples}).
	 * @param blackhole receives both results
	 */
	@Benchmark
	public void pairedChatClientAndPipe(Blackhole blackhole) {
		this.paired.measure(() -> PairedSamples.timed(blackhole, this::chatClientCall),
				() -> PairedSamples.timed(blackhole, this::baselinePipeExecute));
	}

	/**
	 * As {@link #pairedChatClientAndPipe(Blackhole)}, for the chat model alone
	 * ({@link #chatModelCall()}) against the pipe.
	 * @param blackhole receives both results
	 */
	@Benchmark
	public void pairedChatModelAndPipe(Blackhole blackhole) {
		this.pairedModel.measure(() -> PairedSamples.timed(blackhole, this::chatModelCall),
				() -> PairedSamples.timed(blackhole, this::baselinePipeExecute));
	}

}
