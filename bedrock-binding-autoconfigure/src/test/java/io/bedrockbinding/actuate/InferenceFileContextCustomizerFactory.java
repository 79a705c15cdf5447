package io.bedrockbinding.actuate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Writes the inference file of an {@link ActuatorTest} before its context starts and
 * points {@code bedrock.binding.inference-file.location} at it. Registered in
 * {@code META-INF/spring.factories} of the test resources.
 */
class InferenceFileContextCustomizerFactory implements ContextCustomizerFactory {

	static final String LOCATION = "bedrock.binding.inference-file.location";

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		ActuatorTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, ActuatorTest.class);
		return (test != null) ? new InferenceFileCustomizer(test.inferenceFile()) : null;
	}

	/**
	 * Writes one inference file per context; tests with the same content and
	 * configuration share the context, and so the file.
	 *
	 * @param content the text of the file
	 */
	record InferenceFileCustomizer(String content) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
			Path file = write(this.content);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("actuatorTestInferenceFile", Map.of(LOCATION, file.toString())));
		}

		private static Path write(String content) {
			try {
				Path folder = Files.createTempDirectory("bedrockbindings-actuator");
				folder.toFile().deleteOnExit();
				Path file = TestInferenceFile.write(folder, content);
				file.toFile().deleteOnExit();
				return file;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
