package io.bedrockbinding.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which Spring Boot the tests run on. The compat builds (compat/boot-4.0) run these tests
 * against another Boot line than the auto-configuration was compiled with, and say which
 * one in {@code bedrock.compat.spring-boot.version}: this proves the swap really happened
 * on the test class path.
 */
class SpringBootLineTests {

	@Test
	void runsOnTheSpringBootTheBuildAsksFor() {
		String expected = System.getProperty("bedrock.compat.spring-boot.version");
		if (expected != null) {
			assertThat(SpringBootVersion.getVersion()).isEqualTo(expected);
		}
		else {
			assertThat(SpringBootVersion.getVersion()).as("the project's Spring Boot line").startsWith("4.");
		}
	}

}
