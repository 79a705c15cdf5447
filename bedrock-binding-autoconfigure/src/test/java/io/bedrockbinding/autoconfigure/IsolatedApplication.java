package io.bedrockbinding.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * An application that {@link MissingModulesTests} runs in a class loader of its own, from
 * which optional SDK modules are missing. Talks to the test only in JDK types: the two
 * sides have different copies of every other class.
 */
public final class IsolatedApplication {

	private IsolatedApplication() {
	}

	/**
	 * Starts the application, makes one pipe call and reports what happened.
	 * @param endpoint the LocalBedrock endpoint
	 * @param accountId the configured account ID, or empty for none
	 * @return {@code target}: the target called, or {@code failure}: the exception;
	 * {@code accountResolver}, {@code discovery}: the beans there are
	 */
	public static Map<String, String> run(String endpoint, String accountId) {
		Map<String, String> report = new LinkedHashMap<>();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Config.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.run("--bedrock.binding.region=us-east-1", "--bedrock.binding.endpoint=" + endpoint,
					"--bedrock.binding.inference-file.enabled=false", "--bedrock.binding.account-id=" + accountId,
					"--bedrock.binding.discovery.enabled=true", "--spring.main.banner-mode=off")) {
			report.put("accountResolver", context.getBean(AccountResolver.class).getClass().getName());
			report.put("discovery", String.valueOf(context.getBeanNamesForType(ProfileDiscoveryClients.class).length));
			context.getBean(BedrockPipeFactory.class)
				.registry()
				.bind("amazon.nova-pro-v1:0",
						"arn:aws:bedrock:us-east-1:{account}:inference-profile/us.amazon.nova-pro-v1:0");
			try {
				report.put("target",
						context.getBean(BedrockPipeFactory.class)
							.pipe("amazon.nova-pro-v1:0")
							.execute("Hi")
							.invokedTarget());
			}
			catch (RuntimeException ex) {
				report.put("failure", ex.toString());
			}
		}
		return report;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration(BedrockBindingAutoConfiguration.class)
	static class Config {

		@Bean
		AwsCredentialsProvider credentials() {
			return TestCredentials.test();
		}

	}

}
