package io.bedrockbinding.pipe;

import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What a Java tool sends back for each tool use. */
class PipeToolResultTests {

	@Test
	void aNameBedrockDoesNotTakeIsRefusedWithOneItTakes() {
		String schema = "{\"type\":\"object\"}";
		assertThatIllegalArgumentException().isThrownBy(() -> PipeTool.of("my tool", "d", schema, (input) -> ""))
			.withMessage("'my tool' is no tool name Bedrock takes: use 1 to 64 letters, digits, '_' or '-' "
					+ "(e.g. my_tool)");
		assertThatIllegalArgumentException().isThrownBy(() -> PipeTool.of("", "d", schema, (input) -> ""))
			.withMessageContaining("(e.g. weather)");
		assertThatIllegalArgumentException().isThrownBy(() -> PipeTool.of("a".repeat(65), "d", schema, (input) -> ""));
		assertThat(PipeTool.of("a".repeat(64), "d", schema, (input) -> "").tool().toolSpec().name()).hasSize(64);
		assertThat(PipeTool.of("get_weather-2", "d", schema, (input) -> "").tool().toolSpec().name())
			.isEqualTo("get_weather-2");
	}

	@Test
	void aJsonToolGetsTheInputAsJsonAndItsMapGoesBackAsJson() {
		PipeTool tool = PipeTool.of("sum", "Adds two numbers",
				"{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"},\"b\":{\"type\":\"integer\"}}}",
				(input) -> Map.of("sum", input.get("a").asInt() + input.get("b").asInt()));

		ToolResultBlock result = tool.run(use("{\"a\":2,\"b\":3}"));

		assertThat(result.toolUseId()).isEqualTo("use-1");
		assertThat(result.status()).isEqualTo(ToolResultStatus.SUCCESS);
		assertThat(PipeJson.toJson(result.content().get(0).json())).isEqualTo("{\"sum\":5}");
		assertThat(tool.tool().toolSpec().name()).isEqualTo("sum");
		assertThat(tool.tool().toolSpec().description()).isEqualTo("Adds two numbers");
	}

	@Test
	void aTypedToolWhoseInputDoesNotMatchSendsAnErrorNamingTheField() {
		PipeTool tool = PipeTool.of("weather", "Weather", City.class, (city) -> "Sunny in " + city.name());

		ToolResultBlock result = tool.run(use("{\"name\":\"Paris\",\"days\":\"many\"}"));

		assertThat(result.status()).isEqualTo(ToolResultStatus.ERROR);
		assertThat(result.content().get(0).text()).startsWith("The input does not match City at days");
	}

	@Test
	void aTypedToolWhoseInputLacksAFieldSendsAnErrorNamingIt() {
		PipeTool tool = PipeTool.of("weather", "Weather", City.class, (city) -> "Sunny in " + city.name());

		ToolResultBlock result = tool.run(use("{\"name\":\"Paris\"}"));

		assertThat(result.status()).isEqualTo(ToolResultStatus.ERROR);
		assertThat(result.content().get(0).text()).isEqualTo("The input does not match City at days: it has no days");
	}

	@Test
	void anExceptionGoesBackAsAnErrorResultWithItsMessage() {
		PipeTool tool = PipeTool.of("weather", "Weather", City.class, (city) -> {
			throw new java.io.IOException("timed out");
		});

		ToolResultBlock result = tool.run(use("{\"name\":\"Paris\",\"days\":1}"));

		assertThat(result.status()).isEqualTo(ToolResultStatus.ERROR);
		assertThat(result.content().get(0).text()).isEqualTo("timed out");
	}

	@Test
	void aStringResultGoesBackAsText() {
		PipeTool tool = PipeTool.of("weather", "Weather", City.class, (city) -> city.name() + " for " + city.days());

		assertThat(tool.run(use("{\"name\":\"Oslo\",\"days\":2}")).content().get(0).text()).isEqualTo("Oslo for 2");
	}

	@Test
	void aSchemaThatIsNotJsonIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PipeTool.of("x", "x", "{type", (input) -> "x"))
			.withMessageStartingWith("Not JSON");
	}

	private static ToolUseBlock use(String input) {
		return ToolUseBlock.builder().toolUseId("use-1").name("weather").input(PipeJson.fromJson(input)).build();
	}

	record City(String name, int days) {
	}

}
