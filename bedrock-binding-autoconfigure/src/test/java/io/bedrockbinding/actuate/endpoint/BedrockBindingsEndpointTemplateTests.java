package io.bedrockbinding.actuate.endpoint;

import io.bedrockbinding.account.StaticAccountResolver;
import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint.BindingDescriptor;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.Show;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A target with templates shows as it will be called when the values are known without
 * calling AWS, next to the template it came from.
 */
class BedrockBindingsEndpointTemplateTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String TEMPLATE = "arn:aws:bedrock:{region}:{account}:inference-profile/us.amazon.nova-pro-v1:0";

	private static final String FILLED = "arn:aws:bedrock:us-east-2:111122223333:inference-profile/us.amazon.nova-pro-v1:0";

	@Test
	void configuredAccountFillsTheTemplate() {
		BindingRegistry registry = registry("111122223333");
		registry.bind(NOVA_PRO, TEMPLATE);

		BindingDescriptor shown = new BedrockBindingsEndpoint(registry, Show.ALWAYS).binding(NOVA_PRO, true);
		BindingDescriptor masked = new BedrockBindingsEndpoint(registry, Show.NEVER).binding(NOVA_PRO, false);

		assertThat(shown.target()).isEqualTo(FILLED);
		assertThat(shown.template()).isEqualTo(TEMPLATE);
		assertThat(shown.region()).isEqualTo("us-east-2");
		assertThat(masked.target())
			.isEqualTo("arn:aws:bedrock:us-east-2:******:inference-profile/us.amazon.nova-pro-v1:0");
		assertThat(masked.template()).isEqualTo(TEMPLATE);
	}

	@Test
	void templateWithALiteralAccountIsMaskedLikeTheTarget() {
		String template = "arn:aws:bedrock:{region}:444455556666:inference-profile/us.amazon.nova-pro-v1:0";
		BindingRegistry registry = registry("111122223333");
		registry.bind(NOVA_PRO, template);

		BindingDescriptor shown = new BedrockBindingsEndpoint(registry, Show.ALWAYS).binding(NOVA_PRO, true);
		BindingDescriptor masked = new BedrockBindingsEndpoint(registry, Show.NEVER).binding(NOVA_PRO, false);

		assertThat(shown.template()).isEqualTo(template);
		assertThat(masked.target())
			.isEqualTo("arn:aws:bedrock:us-east-2:******:inference-profile/us.amazon.nova-pro-v1:0");
		assertThat(masked.template())
			.isEqualTo("arn:aws:bedrock:{region}:******:inference-profile/us.amazon.nova-pro-v1:0");
	}

	@Test
	void accountKnownToTheResolverFillsTheTemplate() {
		BindingRegistry registry = registry(null);
		registry.bind(NOVA_PRO, TEMPLATE);

		BindingDescriptor shown = new BedrockBindingsEndpoint(registry, Show.ALWAYS,
				new StaticAccountResolver("111122223333"))
			.binding(NOVA_PRO, true);

		assertThat(shown.target()).isEqualTo(FILLED);
	}

	@Test
	void unknownAccountLeavesTheTemplate() {
		BindingRegistry registry = registry(null);
		registry.bind(NOVA_PRO, TEMPLATE);

		BindingDescriptor shown = new BedrockBindingsEndpoint(registry, Show.ALWAYS).binding(NOVA_PRO, true);

		assertThat(shown.target()).isEqualTo(TEMPLATE);
		assertThat(shown.template()).isEqualTo(TEMPLATE);
	}

	@Test
	void targetWithoutTemplateHasNone() {
		BindingRegistry registry = registry("111122223333");
		registry.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0");

		BindingDescriptor shown = new BedrockBindingsEndpoint(registry, Show.ALWAYS).binding(NOVA_PRO, true);

		assertThat(shown.target()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(shown.template()).isNull();
	}

	private static BindingRegistry registry(String accountId) {
		return BindingRegistry.builder(ModelCatalog.builtIn()).region("us-east-2").accountId(accountId).build();
	}

}
