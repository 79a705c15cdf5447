package io.bedrockbinding.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.autoconfigure.BedrockBindingProperties;
import io.bedrockbinding.file.InferenceFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev, staging and prod profiles read the inference file where the CLI writes it and
 * where docs/sample-app.md says they do: {@code ~/.aws/inference.txt}, the home folder
 * being the AWS SDK's ({@code HOME} first), also when {@code user.home} says otherwise.
 */
class EnvironmentFileLocationTests {

	@ParameterizedTest
	@ValueSource(strings = { "dev", "staging", "prod" })
	void theFileIsTheOneInTheHomeFolderOfTheAwsSdk(String profile) throws IOException {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new MapPropertySource("jvm", Map.of("user.home", "/not-the-home-folder")));
		List<PropertySource<?>> yaml = new ArrayList<>(
				new YamlPropertySourceLoader().load(profile, new ClassPathResource("application-" + profile + ".yml")));
		yaml.forEach(sources::addLast);
		Binder binder = new Binder(ConfigurationPropertySources.from(sources),
				new PropertySourcesPlaceholdersResolver(sources));

		BedrockBindingProperties properties = binder.bind("bedrock.binding", BedrockBindingProperties.class).get();

		assertThat(properties.getInferenceFile().getLocation()).isEqualTo(InferenceFile.defaultLocation());
	}

}
