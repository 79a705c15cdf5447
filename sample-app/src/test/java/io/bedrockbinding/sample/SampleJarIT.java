package io.bedrockbinding.sample;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the repackaged jar with {@code java -jar}, as a user does, on LocalBedrock (the
 * default profile), and makes a chat call. Runs in {@code verify} (Failsafe), after
 * {@code package} built the jar.
 */
class SampleJarIT {

	@TempDir
	Path folder;

	@Test
	void javaDashJarStartsTheAppAndItAnswersAChat() throws Exception {
		try (SampleJarProcess app = SampleJarProcess.start(this.folder)) {
			HttpResponse<String> chat = app.post("/api/chat", "{\"model\":\"amazon.nova-pro-v1:0\",\"prompt\":\"hi\"}");

			assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
			assertThat(chat.body()).contains("\"invokedTarget\":\"us.amazon.nova-pro-v1:0\"");
		}
	}

}
