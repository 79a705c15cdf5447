package io.bedrockbinding.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.OriginKind;
import io.bedrockbinding.registry.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bedrock.binding.inference-file.*} and {@code bedrock.binding.derive-profiles}.
 */
@ExtendWith(OutputCaptureExtension.class)
class InferenceFilePropertiesTests {

	@TempDir
	Path folder;

	private ApplicationContextRunner runner(Path file) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
			.withBean(AwsCredentialsProvider.class, TestCredentials::test)
			.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.location=" + file);
	}

	@Test
	void fileAtTheLocationBindsWithPathAndLineAsOrigin() throws IOException {
		Path file = write("inference.txt", "# bindings\namazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
		runner(file).run((context) -> {
			Binding binding = context.getBean(BindingRegistry.class).resolve("amazon.nova-pro-v1:0");
			assertThat(binding.target().value()).isEqualTo("us.amazon.nova-pro-v1:0");
			assertThat(binding.origin().kind()).isEqualTo(OriginKind.FILE);
			assertThat(binding.origin().source()).isEqualTo(file.toAbsolutePath().normalize() + ":2");
		});
	}

	@Test
	void disabledFileIsNotRead() throws IOException {
		Path file = write("inference.txt", "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
		runner(file).withPropertyValues("bedrock.binding.inference-file.enabled=false").run((context) -> {
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			assertThat(registry.inferenceFile()).isEmpty();
			assertThat(registry.resolve("amazon.nova-pro-v1:0").origin().kind()).isEqualTo(OriginKind.CATALOG);
			assertThat(context).doesNotHaveBean(BedrockBindingAutoConfiguration.InferenceFileWatching.class);
		});
	}

	@Test
	void missingFileIsCreatedOnlyWhenAsked() {
		Path file = this.folder.resolve("created/inference.txt");
		runner(file).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(file).doesNotExist();
		});
		runner(file).withPropertyValues("bedrock.binding.inference-file.create-if-missing=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(file).isRegularFile().content().startsWith("# inference.txt").contains("#amazon.nova-pro-v1:0=");
			// Every line of a new file is a comment: it binds nothing.
			assertThat(context.getBean(BindingRegistry.class).resolve("amazon.nova-pro-v1:0").origin().kind())
				.isEqualTo(OriginKind.CATALOG);
		});
	}

	@Test
	void existingFileIsNotOverwrittenByCreateIfMissing() throws IOException {
		Path file = write("inference.txt", "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
		runner(file).withPropertyValues("bedrock.binding.inference-file.create-if-missing=true")
			.run((context) -> assertThat(file).content().isEqualTo("amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n"));
	}

	@Test
	void watchedFileIsReloadedWhenItChanges() throws IOException {
		Path file = write("inference.txt", "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
		runner(file).withPropertyValues("bedrock.binding.inference-file.watch-delay=10ms").run((context) -> {
			assertThat(context).hasSingleBean(BedrockBindingAutoConfiguration.InferenceFileWatching.class);
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			CountDownLatch reloaded = new CountDownLatch(1);
			registry.addListener((layer, models) -> {
				if (layer == OriginKind.FILE && models.contains("amazon.nova-pro-v1:0")) {
					reloaded.countDown();
				}
			});
			Files.writeString(file, "amazon.nova-pro-v1:0=global.amazon.nova-pro-v1:0\n");
			assertThat(reloaded.await(30, TimeUnit.SECONDS)).as("reloaded within 30 s").isTrue();
			assertThat(registry.resolve("amazon.nova-pro-v1:0").target().value())
				.isEqualTo("global.amazon.nova-pro-v1:0");
		});
	}

	@Test
	void watchFalseStartsNoWatcher() throws IOException {
		Path file = write("inference.txt", "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
		runner(file).withPropertyValues("bedrock.binding.inference-file.watch=false").run((context) -> {
			assertThat(context).doesNotHaveBean(BedrockBindingAutoConfiguration.InferenceFileWatching.class);
			assertThat(context.getBean(BindingRegistry.class).inferenceFile()).isPresent();
		});
	}

	@Test
	void brokenLineIsAWarningUnlessStrict(CapturedOutput output) throws IOException {
		Path file = write("inference.txt", "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\nthis is not a binding\n");
		String location = file.toAbsolutePath().normalize() + ":2";
		runner(file).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(BindingRegistry.class).resolve("amazon.nova-pro-v1:0").target().value())
				.isEqualTo("us.amazon.nova-pro-v1:0");
		});
		assertThat(output).contains("Bedrock binding: " + location);
		runner(file).withPropertyValues("bedrock.binding.inference-file.strict=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(StartupFailures.validation(context.getStartupFailure()).problems()).singleElement()
				.satisfies((problem) -> {
					assertThat(problem.code()).isEqualTo(ProblemCode.FILE_PROBLEM);
					assertThat(problem.message()).startsWith(location);
				});
		});
	}

	@Test
	void deriveProfilesBindsTheRegionsGeoProfile() {
		runner(this.folder.resolve("none.txt")).withPropertyValues("bedrock.binding.region=eu-west-1")
			.run((context) -> {
				Binding binding = context.getBean(BindingRegistry.class).resolve("amazon.nova-pro-v1:0");
				assertThat(binding.origin().kind()).isEqualTo(OriginKind.DERIVED);
				assertThat(binding.target().value()).isEqualTo("eu.amazon.nova-pro-v1:0");
			});
	}

	@Test
	void deriveProfilesFalseLeavesTheCatalogDefault() {
		runner(this.folder.resolve("none.txt"))
			.withPropertyValues("bedrock.binding.region=eu-west-1", "bedrock.binding.derive-profiles=false")
			.run((context) -> {
				BindingRegistry registry = context.getBean(BindingRegistry.class);
				// Off for every region, not only the registry's.
				assertThat(registry.resolve("amazon.nova-pro-v1:0", "eu-west-3").target().value())
					.isEqualTo("amazon.nova-pro-v1:0");
				Binding binding = registry.resolve("amazon.nova-pro-v1:0");
				assertThat(binding.origin().kind()).isEqualTo(OriginKind.CATALOG);
				assertThat(binding.target().value()).isEqualTo("amazon.nova-pro-v1:0");
			});
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.folder.resolve(name), content);
	}

}
