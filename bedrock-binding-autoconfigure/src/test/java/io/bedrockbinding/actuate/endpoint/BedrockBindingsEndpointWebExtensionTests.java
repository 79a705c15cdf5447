package io.bedrockbinding.actuate.endpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Set;

import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint.BindingDescriptor;
import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpointWebExtension.WriteErrorDescriptor;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.OriginKind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The endpoint and its web extension without HTTP: the answers the HTTP tests cannot
 * easily provoke.
 */
class BedrockBindingsEndpointWebExtensionTests {

	private static final ModelCatalog CATALOG = ModelCatalog.builtIn();

	private static final String ARN = "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0";

	@TempDir
	Path folder;

	private final BindingRegistry registry = BindingRegistry.builder(CATALOG)
		.region("us-east-1")
		.accountId("111122223333")
		.build();

	@Test
	void persistWithoutInferenceFileIs400() {
		WebEndpointResponse<OperationResponseBody> response = extension(this.registry, Show.NEVER, Set.of())
			.bind(SecurityContext.NONE, "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0", "true");
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getBody())
			.isEqualTo(new WriteErrorDescriptor("Cannot persist: no inference file is configured"));
		assertThat(this.registry.resolve("amazon.nova-pro-v1:0").origin().kind()).isEqualTo(OriginKind.CATALOG);
	}

	@Test
	void unbindWithPersistWithoutInferenceFileIs400() {
		this.registry.bind("amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");
		WebEndpointResponse<OperationResponseBody> response = extension(this.registry, Show.NEVER, Set.of())
			.unbind(SecurityContext.NONE, "amazon.nova-pro-v1:0", "true");
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(this.registry.resolve("amazon.nova-pro-v1:0").origin().kind()).isEqualTo(OriginKind.RUNTIME);
	}

	@Test
	void unwritableInferenceFileIs500AndChangesNothing() throws Exception {
		Path directory = Files.createDirectory(this.folder.resolve("inference.txt"));
		BindingRegistry withFile = BindingRegistry.builder(CATALOG).inferenceFile(new InferenceFile(directory)).build();
		WebEndpointResponse<OperationResponseBody> response = extension(withFile, Show.NEVER, Set.of())
			.bind(SecurityContext.NONE, "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0", "true");
		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(((WriteErrorDescriptor) response.getBody()).message())
			.startsWith("Cannot write the inference file, nothing was changed: ");
		assertThat(withFile.resolve("amazon.nova-pro-v1:0").origin().kind()).isEqualTo(OriginKind.CATALOG);
	}

	@Test
	void validationMessageIsMaskedLikeEverythingElse() {
		WebEndpointResponse<OperationResponseBody> response = extension(this.registry, Show.NEVER, Set.of()).bind(
				SecurityContext.NONE, "amazon.nova-pro-v1:0",
				"arn:aws:bedrock:us-east-1:111122223333:inference-profile/nope", "false");
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(((WriteErrorDescriptor) response.getBody()).message()).contains("arn:aws:bedrock:us-east-1:******:")
			.doesNotContain("111122223333");
	}

	@Test
	void whenAuthorizedWithoutRolesShowsToAnySignedInUser() {
		this.registry.bind("amazon.nova-pro-v1:0", ARN);
		BedrockBindingsEndpointWebExtension extension = extension(this.registry, Show.WHEN_AUTHORIZED, Set.of());
		assertThat(extension.binding(user("anyone"), "amazon.nova-pro-v1:0").getBody().target()).isEqualTo(ARN);
		assertThat(extension.binding(SecurityContext.NONE, "amazon.nova-pro-v1:0").getBody().target())
			.isEqualTo("arn:aws:bedrock:us-east-1:******:inference-profile/us.amazon.nova-pro-v1:0");
	}

	@Test
	void jmxOperationsRejectInvalidWritesWithTheValidationMessage() {
		BedrockBindingsEndpoint endpoint = new BedrockBindingsEndpoint(this.registry, Show.NEVER);
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> endpoint.bind("amazon.nova-pro-v1:0", "not a target", null))
			.withMessageContaining("target must be empty (direct), a model ID, a profile ID");
		assertThat(this.registry.resolve("amazon.nova-pro-v1:0").origin().kind()).isEqualTo(OriginKind.CATALOG);
	}

	@Test
	void jmxValidationMessageIsMaskedLikeEverythingElse() {
		BedrockBindingsEndpoint endpoint = new BedrockBindingsEndpoint(this.registry, Show.NEVER);
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> endpoint.bind("amazon.nova-pro-v1:0",
					"arn:aws:bedrock:us-east-1:111122223333:inference-profile/nope", null))
			.withMessageContaining("arn:aws:bedrock:us-east-1:******:")
			.withMessageNotContaining("111122223333")
			.satisfies((ex) -> assertThat(ex.getReason()).doesNotContain("111122223333"));
	}

	@Test
	void jmxOperationsBindAndUnbind() {
		BedrockBindingsEndpoint endpoint = new BedrockBindingsEndpoint(this.registry, Show.WHEN_AUTHORIZED);
		BindingDescriptor bound = endpoint.bind("amazon.nova-pro-v1:0", ARN, false);
		assertThat(bound.target()).isEqualTo(ARN);
		assertThat(bound.origin().kind()).isEqualTo(OriginKind.RUNTIME);
		BindingDescriptor after = endpoint.unbind("amazon.nova-pro-v1:0", null);
		assertThat(after).isNotNull();
		assertThat(after.origin().kind()).isEqualTo(OriginKind.CATALOG);
		assertThat(endpoint.binding("acme.unknown-v1:0")).isNull();
	}

	private static BedrockBindingsEndpointWebExtension extension(BindingRegistry registry, Show show,
			Set<String> roles) {
		return new BedrockBindingsEndpointWebExtension(new BedrockBindingsEndpoint(registry, show), show, roles);
	}

	private static SecurityContext user(String name) {
		return new SecurityContext() {

			@Override
			public @Nullable Principal getPrincipal() {
				return () -> name;
			}

			@Override
			public boolean isUserInRole(String role) {
				return false;
			}

		};
	}

}
