package io.bedrockbinding.ai;

import java.util.List;

import io.bedrockbinding.ai.chat.BedrockBindingChatModel;
import io.bedrockbinding.ai.chat.BedrockBindingMetadata;
import io.bedrockbinding.emulator.Fault;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrock;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring AI chat model fails over along a binding's target chain like any pipe call:
 * LocalBedrock lets one request a minute through to the first target, so the next calls
 * (sync and streamed) are answered by the second.
 */
@SpringBootTest(classes = SpringAiTestApplication.class, properties = { "bedrock.binding.local-bedrock.enabled=true",
		"bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false",
		"bedrock.binding.failover.sdk-max-attempts=1",
		"bedrock.binding.chat.options.model=" + ChatModelFailoverTests.HAIKU,
		"bedrock.binding.models[" + ChatModelFailoverTests.HAIKU_KEY + "]=us." + ChatModelFailoverTests.HAIKU
				+ ", global." + ChatModelFailoverTests.HAIKU,
		"bedrock.binding.local-bedrock.quotas[us." + ChatModelFailoverTests.HAIKU_KEY + "].requests-per-minute=1",
		"bedrock.binding.models[amazon.nova-pro-v1\\:0]=amazon.nova-pro-v1:0, us.amazon.nova-pro-v1:0" })
class ChatModelFailoverTests {

	static final String HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";

	/** The model ID in an inline property's key, where a bare ':' would end the key. */
	static final String HAIKU_KEY = "anthropic.claude-haiku-4-5-20251001-v1\\:0";

	@Autowired
	private BedrockBindingChatModel chatModel;

	@Autowired
	private LocalBedrock localBedrock;

	@Test
	void aThrottledFirstTargetHandsSyncAndStreamedCallsToTheNext() {
		ChatResponse first = this.chatModel.call(new Prompt("one"));
		ChatResponse second = this.chatModel.call(new Prompt("two"));
		List<ChatResponse> chunks = this.chatModel.stream(new Prompt("streamed")).collectList().block();

		assertThat(invokedTarget(first)).isEqualTo("us." + HAIKU);
		assertThat(invokedTarget(second)).isEqualTo("global." + HAIKU);
		assertThat(second.getResult().getOutput().getText()).endsWith("two");
		assertThat(chunks).isNotEmpty();
		String text = String.join("",
				chunks.stream()
					.filter((chunk) -> chunk.getResult() != null && chunk.getResult().getOutput().getText() != null)
					.map((chunk) -> chunk.getResult().getOutput().getText())
					.toList());
		assertThat(text).startsWith("[" + HAIKU + " via global." + HAIKU + "]").endsWith("streamed");
	}

	@Test
	void aStreamThrottledBeforeItsFirstTextGoesToTheNextTarget() {
		this.localBedrock.reset();
		// messageStart, then throttled: no text reached the caller
		this.localBedrock.faults().breakNextStream(0, Fault.THROTTLING);

		List<ChatResponse> chunks = this.chatModel
			.stream(new Prompt("Hello", ChatOptions.builder().model("amazon.nova-pro-v1:0").build()))
			.collectList()
			.block();

		assertThat(chunks).isNotEmpty();
		assertThat(invokedTarget(chunks.get(chunks.size() - 1))).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(this.localBedrock.journal("ConverseStream")).extracting(JournalEntry::modelId)
			.containsExactly("amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");
	}

	private static String invokedTarget(ChatResponse response) {
		return response.getMetadata().get(BedrockBindingMetadata.INVOKED_TARGET);
	}

}
