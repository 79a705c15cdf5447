package io.bedrockbinding.ai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.AdvisorParams;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.content.Media;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tool calling, images and structured output through {@code ChatClient}, against
 * LocalBedrock: Spring AI's {@code ToolCallingAdvisor} runs the {@code @Tool} methods
 * with the auto-configured {@code ToolCallingManager}, bedrock-binding's chat model sends
 * their definitions and the results through the binding.
 */
@SpringBootTest(classes = SpringAiTestApplication.class,
		properties = { "bedrock.binding.local-bedrock.enabled=true", "bedrock.binding.region=us-east-1",
				"bedrock.binding.inference-file.enabled=false",
				"bedrock.binding.chat.options.model=anthropic.claude-haiku-4-5-20251001-v1:0" })
class ToolAndMediaTests {

	private static final String PROFILE = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

	/** The smallest valid PNG: one transparent pixel. */
	private static final byte[] PIXEL = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Autowired
	private LocalBedrock localBedrock;

	private final WeatherTools tools = new WeatherTools();

	@BeforeEach
	void reset() {
		this.localBedrock.reset();
	}

	@Test
	void toolRoundTrip() {
		ChatResponse response = this.chatClientBuilder.build()
			.prompt()
			.user("What is the weather in city=Paris?")
			.tools(this.tools)
			.call()
			.chatResponse();

		assertThat(response).isNotNull();
		assertThat(this.tools.cities).containsExactly("Paris");
		assertThat(response.getResult().getOutput().getText()).contains("Sunny, 24 C in Paris");
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("end_turn");
		List<JournalEntry> calls = this.localBedrock.journal("Converse");
		assertThat(calls).hasSize(2).allSatisfy((call) -> assertThat(call.modelId()).isEqualTo(PROFILE));
		assertThat(calls.get(0).body()).contains("\"toolSpec\"").contains("\"name\":\"weather\"");
		assertThat(calls.get(1).body()).contains("\"toolUse\"").contains("\"toolResult\"");
	}

	@Test
	void streamedToolRoundTrip() {
		List<String> pieces = this.chatClientBuilder.build()
			.prompt()
			.user("What is the weather in city=Oslo?")
			.tools(this.tools)
			.stream()
			.content()
			.collectList()
			.block();

		assertThat(this.tools.cities).containsExactly("Oslo");
		assertThat(String.join("", pieces)).contains("Sunny, 24 C in Oslo");
		assertThat(this.localBedrock.journal("ConverseStream")).hasSize(2)
			.allSatisfy((call) -> assertThat(call.modelId()).isEqualTo(PROFILE));
	}

	@Test
	void returnDirectToolAnswersWithoutAnotherModelCall() {
		String content = this.chatClientBuilder.build()
			.prompt()
			.user("Give the forecast for city=Rome")
			.tools(this.tools)
			.call()
			.content();

		assertThat(this.tools.cities).containsExactly("Rome");
		assertThat(content).contains("Rain tomorrow in Rome");
		assertThat(this.localBedrock.journal("Converse")).hasSize(1);
	}

	@Test
	void imageQuestion() {
		ChatResponse response = this.chatClientBuilder.build()
			.prompt()
			.user((user) -> user.text("What is in this picture?")
				.media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(PIXEL)))
			.call()
			.chatResponse();

		assertThat(response).isNotNull();
		assertThat(response.getResult().getOutput().getText()).contains("What is in this picture?")
			.contains("saw image png " + PIXEL.length + " bytes");
		assertThat(this.localBedrock.journal("Converse")).singleElement()
			.satisfies((call) -> assertThat(call.body()).contains("\"image\"").contains("\"format\":\"png\""));
	}

	@Test
	void documentQuestionNamesTheDocumentAsBedrockAllows() {
		byte[] notes = "Ada, 36".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		String reply = this.chatClientBuilder.build()
			.prompt()
			.user((user) -> user.text("Summarize the notes")
				.media(Media.builder().mimeType(MimeTypeUtils.TEXT_PLAIN).data(notes).name("team.notes").build()))
			.call()
			.content();

		assertThat(reply).contains("document 'team-notes' txt " + notes.length + " bytes");
	}

	@Test
	void structuredOutputWithEntity() {
		Person person = this.chatClientBuilder.build()
			.prompt()
			.advisors(AdvisorParams.ENABLE_NATIVE_STRUCTURED_OUTPUT)
			.user("Describe name=Ada age=36")
			.call()
			.entity(Person.class);

		assertThat(person).isEqualTo(new Person("Ada", 36));
		assertThat(this.localBedrock.journal("Converse")).singleElement()
			.satisfies((call) -> assertThat(call.body()).contains("\"outputConfig\"").contains("json_schema"));
	}

	@Test
	void structuredOutputWithSpringAiRequestOptions() {
		String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},"
				+ "\"required\":[\"name\"]}";

		String reply = this.chatClientBuilder.build()
			.prompt()
			.options(StructuredOutputChatOptions.builder().outputSchema(schema))
			.user("Describe name=Ada")
			.call()
			.content();

		assertThat(reply).isEqualTo("{\"name\":\"Ada\"}");
		assertThat(this.localBedrock.journal("Converse")).singleElement()
			.satisfies((call) -> assertThat(call.body()).contains("\"outputConfig\"").contains("json_schema"));
	}

	record Person(String name, int age) {
	}

	static class WeatherTools {

		final List<String> cities = new CopyOnWriteArrayList<>();

		@Tool(description = "The current weather in a city")
		String weather(@ToolParam(description = "the city") String city) {
			this.cities.add(city);
			return "Sunny, 24 C in " + city;
		}

		@Tool(description = "The forecast for a city, given to the user as it is", returnDirect = true)
		String forecast(@ToolParam(description = "the city") String city) {
			this.cities.add(city);
			return "Rain tomorrow in " + city;
		}

	}

}
