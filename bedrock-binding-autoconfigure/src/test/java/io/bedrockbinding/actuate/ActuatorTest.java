package io.bedrockbinding.actuate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;

/**
 * A test of the {@link ActuatorTestApplication}, by default on a random port, with an
 * inference file of its own that holds {@link #inferenceFile()}: the file is written to a
 * new temporary folder before the context starts, and
 * {@code bedrock.binding.inference-file.location} points at it (inject it with
 * {@code @Value("${bedrock.binding.inference-file.location}")}). Web tests get an
 * {@link ActuatorClient} bean for the server's port.
 *
 * @see InferenceFileContextCustomizerFactory
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(classes = ActuatorTestApplication.class)
public @interface ActuatorTest {

	/**
	 * The content of the application's inference file.
	 * @return the file's text
	 */
	String inferenceFile() default TestInferenceFile.WITH_PROBLEMS;

	/**
	 * The application's properties; keep {@link ActuatorTestApplication#CONFIG} in them.
	 * @return the properties, {@code key=value}
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default ActuatorTestApplication.CONFIG;

	/**
	 * The web environment of the application.
	 * @return the web environment
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
	WebEnvironment webEnvironment() default WebEnvironment.RANDOM_PORT;

}
