package io.bedrockbinding.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.Content;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.pipe.PipeTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of {@code docs/pipe.md}'s "In short" section (an image, a tool loop,
 * structured output) run against LocalBedrock, and the output the page shows is theirs.
 */
class PipePageExamplesTests {

	/** A 1x1 PNG, the page's {@code dot.png}. */
	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	private static final String PAGE = "docs/pipe.md";

	private static final String ANCHOR = "Real output of these calls (LocalBedrock):";

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	final PipeFactories factories = new PipeFactories(bedrock);

	@Test
	void thePageShowsWhatItsCallsAnswer(@TempDir Path folder) throws IOException {
		Path picture = Files.write(folder.resolve("dot.png"), PNG);
		BedrockPipe pipe = this.factories.of("us-east-1").pipe("amazon.nova-pro-v1:0");

		PipeResult seen = pipe
			.execute(List.of(Content.user(ContentBlock.fromText("What is in this picture?"), Content.image(picture))));
		PipeTool weather = PipeTool.of("weather", "Today's weather in a city", City.class,
				(input) -> "Sunny, 24 C in " + input.city());
		PipeResult answer = pipe.withTool(weather).execute("What does weather say for city=Paris?");
		Forecast forecast = pipe.execute("city=Paris celsius=24 sunny=true", Forecast.class);

		List<String> output = List.of("seen.text()         = " + seen.text(), "answer.text()       = " + answer.text(),
				"answer.toolRounds() = " + answer.toolRounds(), "forecast            = " + forecast);
		output.forEach(System.out::println);
		assertThat(pageBlock()).isEqualTo(output);
	}

	private static List<String> pageBlock() throws IOException {
		List<String> lines = Files.readAllLines(root().resolve(PAGE), StandardCharsets.UTF_8);
		int anchor = lines.indexOf(ANCHOR);
		assertThat(anchor).as("the line '" + ANCHOR + "' in " + PAGE).isNotNegative();
		assertThat(lines.get(anchor + 2)).isEqualTo("```");
		List<String> block = new ArrayList<>();
		for (int i = anchor + 3; !lines.get(i).equals("```"); i++) {
			block.add(lines.get(i));
		}
		return block;
	}

	private static Path root() {
		Path folder = Path.of("").toAbsolutePath();
		while (!Files.exists(folder.resolve("mvnw"))) {
			folder = folder.getParent();
		}
		return folder;
	}

	record City(String city) {
	}

	record Forecast(String city, int celsius, boolean sunny) {
	}

}
