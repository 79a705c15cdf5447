package io.bedrockbinding.autoconfigure;

import java.util.List;

import io.bedrockbinding.registry.BindingProblem;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.OriginKind;
import io.bedrockbinding.registry.ProblemCode;
import io.bedrockbinding.registry.ProblemPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * After every singleton exists: discovery on start-up (if switched on), then validation
 * of the bindings, which fails start-up ({@link BindingValidationException}, explained by
 * a failure analyzer) or warns on binding errors. Define a bean of this type to replace
 * it, as Boot's {@code FlywayMigrationInitializer} is replaced.
 */
public class BindingStartupValidator implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(BindingStartupValidator.class);

	private final BindingRegistry registry;

	private final BedrockBindingProperties properties;

	private final ObjectProvider<ProfileDiscoveryClients> discovery;

	private final ConfigurableEnvironment environment;

	/**
	 * A validator of {@code registry}.
	 * @param registry the bindings to validate
	 * @param properties the starter's properties (discovery, strictness, fail-fast)
	 * @param discovery the discovery, if the control-plane module is present and
	 * discovery enabled
	 * @param environment the environment, to name the property source of required models
	 */
	public BindingStartupValidator(BindingRegistry registry, BedrockBindingProperties properties,
			ObjectProvider<ProfileDiscoveryClients> discovery, ConfigurableEnvironment environment) {
		this.registry = registry;
		this.properties = properties;
		this.discovery = discovery;
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ProfileDiscoveryClients clients = this.discovery.getIfAvailable();
		if (clients == null && this.properties.getDiscovery().isEnabled()) {
			logger.warn("bedrock.binding.discovery.enabled is true, but software.amazon.awssdk:bedrock "
					+ "(the Bedrock control plane client) is not on the classpath: discovery is off");
		}
		if (!this.properties.getDiscovery().isEnabled() && this.properties.getDiscovery().isOnStartup()) {
			logger.warn("bedrock.binding.discovery.on-startup is true, but bedrock.binding.discovery.enabled is not: "
					+ "nothing is discovered at start-up; set bedrock.binding.discovery.enabled=true too");
		}
		if (clients != null && this.properties.getDiscovery().isOnStartup()) {
			String region = this.registry.region()
				.orElseThrow(() -> new IllegalStateException(
						"bedrock.binding.discovery.on-startup needs a region: set bedrock.binding.region"));
			this.registry.setLayer(OriginKind.DISCOVERED, clients.discovery().discover(region).asLayer());
		}
		List<BindingProblem> problems = this.registry.validate();
		boolean strictFile = this.properties.getInferenceFile().isStrict();
		List<BindingProblem> errors = ProblemPolicy.startup(strictFile).errors(problems);
		problems.stream()
			.filter((problem) -> !errors.contains(problem))
			.forEach((problem) -> logger.warn("Bedrock binding: {}", problem.message()));
		if (errors.isEmpty()) {
			return;
		}
		List<BindingProblem> explained = errors.stream().map(this::explained).toList();
		if (this.properties.getValidation().isFailFast()) {
			throw new BindingValidationException(explained);
		}
		explained.forEach((problem) -> logger.warn(
				"Bedrock binding error (bedrock.binding.validation.fail-fast=false): {}. Fix: {}", problem.message(),
				problem.fix()));
	}

	/**
	 * What only the Spring side knows, added to a problem: which property source lists a
	 * required model, and a target for a model whose target is invalid (the region's
	 * system profile), so that the failure analysis can show the line to write.
	 * @param problem a problem of the registry
	 * @return the problem with what the Spring side knows added
	 */
	private BindingProblem explained(BindingProblem problem) {
		if (problem.code() == ProblemCode.REQUIRED_UNBOUND) {
			String source = ModelPropertyReader.requiredModelsSource(this.environment);
			if (source != null) {
				String listed = " is listed in " + BedrockBindingSettingHints.REQUIRED_MODELS;
				return new BindingProblem(problem.modelId(), problem.severity(), problem.code(),
						problem.message().replace(listed + " ", listed + " (" + source + ") "), problem.origin(),
						problem.suggestedTarget(), this.registry.hints());
			}
		}
		if (problem.code() == ProblemCode.INVALID_TARGET && problem.suggestedTarget() == null
				&& !problem.modelId().isEmpty() && this.registry.region().isPresent()) {
			String suggestion = this.registry.catalog()
				.systemProfileFor(problem.modelId(), this.registry.region().get())
				.orElse(null);
			if (suggestion != null) {
				return new BindingProblem(problem.modelId(), problem.severity(), problem.code(), problem.message(),
						problem.origin(), suggestion, this.registry.hints());
			}
		}
		return problem;
	}

}
