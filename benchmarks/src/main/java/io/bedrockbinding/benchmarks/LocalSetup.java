package io.bedrockbinding.benchmarks;

import java.util.List;

import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.emulator.LocalBedrockClients;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.BedrockRuntimeClients;
import io.bedrockbinding.registry.BindingRegistry;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * One LocalBedrock, one set of SDK clients, and a pipe over them. The raw baselines use
 * the very clients the pipe uses ({@link BedrockRuntimeClients#sync(String)} and
 * {@link BedrockRuntimeClients#async(String)}): same configuration, same connection pool,
 * same emulator, and the same request (the target the pipe resolves, the same prompt,
 * system prompt and inference settings).
 */
final class LocalSetup implements AutoCloseable {

	/**
	 * Needs a profile in us-east-1, so the pipe resolves the derived us. profile on every
	 * call; the sourced catalog gives it a global. profile too (for the failover chain).
	 */
	static final String MODEL = "anthropic.claude-haiku-4-5-20251001-v1:0";

	static final String REGION = "us-east-1";

	static final String SYSTEM_PROMPT = "Answer in one sentence.";

	static final String PROMPT = "What is an inference profile and when do I need one?";

	static final int MAX_TOKENS = 200;

	final LocalBedrock bedrock;

	final BedrockRuntimeClients clients;

	final BedrockPipeFactory factory;

	final BedrockPipe pipe;

	/** What the pipe sends as modelId: the resolved target. */
	final String target;

	LocalSetup() {
		this.bedrock = LocalBedrock.builder().build().start();
		this.clients = BedrockRuntimeClients.builder()
			.endpoint(this.bedrock.endpoint())
			.credentialsProvider(LocalBedrockClients.credentials())
			.build();
		BindingRegistry registry = BindingRegistry.builder(this.bedrock.catalog()).region(REGION).build();
		this.factory = BedrockPipeFactory.builder(registry, this.clients).build();
		this.pipe = this.factory.pipe(MODEL).withSystemPrompt(SYSTEM_PROMPT).withMaxTokens(MAX_TOKENS);
		this.target = registry.resolve(MODEL).target().value();
		if (!this.target.equals("us." + MODEL)) {
			throw new IllegalStateException("Expected the derived us. profile for " + MODEL + ", got " + this.target);
		}
	}

	/**
	 * The messages of the raw request, built per call as a caller of the SDK would.
	 * @return a one-message user conversation
	 */
	static List<Message> messages() {
		return List.of(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(PROMPT)).build());
	}

	static List<SystemContentBlock> system() {
		return List.of(SystemContentBlock.fromText(SYSTEM_PROMPT));
	}

	static InferenceConfiguration inferenceConfig() {
		return InferenceConfiguration.builder().maxTokens(MAX_TOKENS).build();
	}

	/**
	 * The text of a reply, as a caller of the SDK reads it.
	 * @param response a Converse reply
	 * @return its text blocks joined
	 */
	static String text(ConverseResponse response) {
		StringBuilder text = new StringBuilder();
		for (ContentBlock block : response.output().message().content()) {
			if (block.text() != null) {
				text.append(block.text());
			}
		}
		return text.toString();
	}

	@Override
	public void close() {
		this.factory.close();
		this.bedrock.close();
	}

}
