package io.bedrockbinding.actuate.endpoint;

import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint.BindingDescriptor;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.Show;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Failover chains in the endpoint: {@code targets} lists the chain (each element filled
 * and masked as {@code target} is), {@code target} stays its first element, and a runtime
 * bind takes the comma-separated form.
 */
class BedrockBindingsEndpointChainTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String TEMPLATE = "arn:aws:bedrock:us-west-2:{account}:inference-profile/us.amazon.nova-pro-v1:0";

	private final BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn())
		.region("us-east-1")
		.accountId("111122223333")
		.build();

	@Test
	void aChainBoundAtRuntimeShowsEveryTargetWithTheFirstAsTarget() {
		BedrockBindingsEndpoint endpoint = new BedrockBindingsEndpoint(this.registry, Show.ALWAYS);

		BindingDescriptor bound = endpoint.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0, " + TEMPLATE, false);

		assertThat(bound.target()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(bound.targets()).containsExactly("us.amazon.nova-pro-v1:0",
				"arn:aws:bedrock:us-west-2:111122223333:inference-profile/us.amazon.nova-pro-v1:0");
		BindingDescriptor masked = new BedrockBindingsEndpoint(this.registry, Show.NEVER).binding(NOVA_PRO, false);
		assertThat(masked.targets()).containsExactly("us.amazon.nova-pro-v1:0",
				"arn:aws:bedrock:us-west-2:******:inference-profile/us.amazon.nova-pro-v1:0");
	}

	@Test
	void aSingleTargetHasNoTargetsList() {
		this.registry.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0");

		assertThat(new BedrockBindingsEndpoint(this.registry, Show.ALWAYS).binding(NOVA_PRO, true).targets()).isNull();
	}

	@Test
	void aChainWithAnInvalidElementIsRefusedAndChangesNothing() {
		BedrockBindingsEndpoint endpoint = new BedrockBindingsEndpoint(this.registry, Show.ALWAYS);

		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> endpoint.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0,,global.amazon.nova-pro-v1:0", false))
			.withMessageContaining("target 2 of 3 is empty");
		assertThat(this.registry.resolve(NOVA_PRO).isExplicit()).isFalse();
	}

}
