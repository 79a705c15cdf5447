package io.bedrockbinding.sample;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the repackaged jar in Spring AOT mode ({@code -Dspring.aot.enabled=true}: the bean
 * definitions and hints {@code process-aot} generated at build time instead of
 * configuration classes parsed at start-up, as a GraalVM native image runs), on
 * LocalBedrock (the default profile), and makes a chat call. Runs in {@code verify}
 * (Failsafe), after {@code package} built the jar.
 */
class SampleAotJarIT {

	@TempDir
	Path folder;

	@Test
	void theAotProcessedJarStartsInAotModeAndAnswersAChat() throws Exception {
		try (SampleJarProcess app = SampleJarProcess.start(this.folder, "-Dspring.aot.enabled=true")) {
			// Boot logs this only when it runs the initializer process-aot generated.
			assertThat(app.output()).anyMatch((line) -> line.contains("Starting AOT-processed SampleApplication"));

			HttpResponse<String> chat = app.post("/api/chat",
					"{\"model\":\"deepseek.r1-v1:0\",\"prompt\":\"What is an inference profile?\"}");
			assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
			assertThat(chat.body()).contains(
					"\"invokedTarget\":\"arn:aws:bedrock:us-east-2:111122223333:inference-profile/us.deepseek.r1-v1:0\"");

			HttpResponse<String> bindings = app.get("/actuator/bedrockbindings/amazon.nova-pro-v1:0");
			assertThat(bindings.statusCode()).as(bindings.body()).isEqualTo(200);
			assertThat(bindings.body()).contains("\"target\":\"us.amazon.nova-pro-v1:0\"");
		}
	}

}
