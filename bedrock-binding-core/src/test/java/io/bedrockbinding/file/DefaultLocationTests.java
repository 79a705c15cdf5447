package io.bedrockbinding.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link InferenceFile#defaultLocation()} is in the folder the AWS SDK reads
 * {@code ~/.aws/config} from: {@code HOME} wins over {@code user.home}. The environment
 * of this JVM cannot change, so a child JVM prints the location.
 */
class DefaultLocationTests {

	@TempDir
	Path home;

	@Test
	void homeOfTheEnvironmentWinsOverUserHome() throws Exception {
		List<String> printed = defaultLocationIn(this.home.toString(), "/nowhere/else");

		assertThat(Path.of(printed.get(0))).isEqualTo(this.home.resolve(".aws").resolve("inference.txt"));
		assertThat(printed.get(0)).as("the SDK's home directory").isEqualTo(printed.get(1));
	}

	@Test
	void withoutHomeUserHomeIsTheHome() throws Exception {
		List<String> printed = defaultLocationIn(null, this.home.toString());

		assertThat(Path.of(printed.get(0))).isEqualTo(this.home.resolve(".aws").resolve("inference.txt"));
		assertThat(printed.get(0)).as("the SDK's home directory").isEqualTo(printed.get(1));
	}

	private static List<String> defaultLocationIn(@Nullable String homeVariable, String userHome) throws Exception {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), "-Duser.home=" + userHome, "-XX:TieredStopAtLevel=1",
				DefaultLocationMain.class.getName());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (homeVariable != null) {
			builder.environment().put("HOME", homeVariable);
		}
		else {
			builder.environment().remove("HOME");
		}
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
		assertThat(process.exitValue()).as(out).isZero();
		return out.lines().toList();
	}

}
