package io.bedrockbinding.actuate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The inference.txt of the actuator tests; the line numbers are part of the assertions.
 */
public final class TestInferenceFile {

	/**
	 * Line 2 nova-pro, 3 haiku, 4 deepseek (direct: needs a profile), 5 llama, 6 broken.
	 */
	public static final String WITH_PROBLEMS = """
			# bindings of the actuator tests
			amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0
			openai.gpt-oss-20b-1:0=arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123def456
			deepseek.r1-v1:0=
			meta.llama3-8b-instruct-v1:0=arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.meta.llama3-8b-instruct-v1:0
			this line is broken
			""";

	/** Valid bindings only: line 2 nova-pro, 3 haiku. */
	public static final String CLEAN = """
			# bindings of the actuator tests
			amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0
			openai.gpt-oss-20b-1:0=arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123def456
			""";

	private TestInferenceFile() {
	}

	/**
	 * Writes {@code content} to {@code folder/inference.txt}; returns its path as the
	 * registry names it.
	 */
	public static Path write(Path folder, String content) {
		Path file = folder.resolve("inference.txt").toAbsolutePath().normalize();
		try {
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	public static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
