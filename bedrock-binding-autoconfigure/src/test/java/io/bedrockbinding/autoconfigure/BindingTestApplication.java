package io.bedrockbinding.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application with the bedrock-binding auto-configuration only, started the
 * way {@code SpringApplication.run} starts a real one: config files from a test resource
 * folder, Spring profiles, failure analyzers from {@code spring.factories}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration(BedrockBindingAutoConfiguration.class)
class BindingTestApplication {

	@Bean
	AwsCredentialsProvider testCredentials() {
		return TestCredentials.test();
	}

	/**
	 * Runs the application.
	 * @param configFolder the classpath folder of its application*.yml
	 * @param profiles the active profiles
	 * @param arguments more command-line arguments
	 */
	static ConfigurableApplicationContext run(String configFolder, List<String> profiles, String... arguments) {
		List<String> args = new ArrayList<>(
				List.of("--spring.config.location=classpath:/" + configFolder + "/", "--spring.main.banner-mode=off"));
		args.addAll(List.of(arguments));
		return new SpringApplicationBuilder(BindingTestApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.profiles(profiles.toArray(String[]::new))
			.run(args.toArray(String[]::new));
	}

	/**
	 * Copies a test resource into {@code folder}: the inference file is read from disk.
	 */
	static Path copy(String resource, Path folder) {
		try (InputStream in = BindingTestApplication.class.getResourceAsStream("/" + resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No test resource " + resource);
			}
			Path file = folder.resolve(Path.of(resource).getFileName().toString());
			Files.copy(in, file);
			return file.toAbsolutePath().normalize();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
