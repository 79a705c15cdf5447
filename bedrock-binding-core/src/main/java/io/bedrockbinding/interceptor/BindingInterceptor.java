package io.bedrockbinding.interceptor;

import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.TemplateValues;
import io.bedrockbinding.registry.BindingRegistry;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

/**
 * Replaces the model ID of every bedrock-runtime request that carries one (Converse,
 * ConverseStream, InvokeModel, InvokeModelWithResponseStream, CountTokens,
 * StartAsyncInvoke, ...) with the target bound to it for the client's region: the
 * region's geo profile for a model that needs one, templates filled in. The binding is
 * resolved on every call, so reloads and runtime binds apply to the next request.
 * Requests without a model ID (ApplyGuardrail, GetAsyncInvoke, ...) pass unchanged.
 * <p>
 * A target that must be called in another region (an ARN of another region) fails before
 * anything is sent, with a {@link CrossRegionTargetException}: an interceptor cannot move
 * a call to another region. Add it to a client the application builds:
 *
 * <pre>{@code
 * BedrockRuntimeClient client = BedrockRuntimeClient.builder()
 *     .region(Region.US_EAST_2)
 *     .overrideConfiguration((o) -> o.addExecutionInterceptor(BindingInterceptor.of(registry)))
 *     .build();
 * }</pre>
 *
 * Thread-safe and stateless; one instance can serve every client.
 */
public final class BindingInterceptor implements ExecutionInterceptor {

	/**
	 * The SDK's field (and member) name of the model identifier in bedrock-runtime
	 * requests.
	 */
	private static final String MODEL_ID = "modelId";

	private final BindingRegistry registry;

	private final AccountResolver accounts;

	private BindingInterceptor(BindingRegistry registry, AccountResolver accounts) {
		this.registry = registry;
		this.accounts = accounts;
	}

	/**
	 * An interceptor of {@code registry}'s bindings, for targets without
	 * {@code {account}}.
	 * @param registry the bindings to apply
	 * @return the interceptor
	 */
	public static BindingInterceptor of(BindingRegistry registry) {
		return of(registry, AccountResolver.none());
	}

	/**
	 * An interceptor of {@code registry}'s bindings.
	 * @param registry the bindings to apply
	 * @param accounts fills {@code {account}} in targets; asked only when a target has
	 * one
	 * @return the interceptor
	 */
	public static BindingInterceptor of(BindingRegistry registry, AccountResolver accounts) {
		return new BindingInterceptor(registry, accounts);
	}

	@Override
	public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes executionAttributes) {
		SdkRequest request = context.request();
		String modelId = request.getValueForField(MODEL_ID, String.class).orElse(null);
		Region region = executionAttributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
		if (modelId == null || region == null) {
			return request;
		}
		BindingTarget target = target(modelId, region.id());
		String targetRegion = target.region().orElse(null);
		if (targetRegion != null && !targetRegion.equals(region.id())) {
			throw new CrossRegionTargetException(modelId, target.value(), targetRegion, region.id());
		}
		return target.value().equals(modelId) ? request : withModelId(request, target.value());
	}

	/**
	 * The target bound to {@code modelId} for a call from {@code region}, templates
	 * filled in: the registry's one resolution per call.
	 * @param modelId the model ID the request names
	 * @param region the client's region
	 * @return the target to send
	 */
	private BindingTarget target(String modelId, String region) {
		BindingTarget target = this.registry.resolve(modelId, region).target();
		return target.hasTemplate()
				? target.resolve(new TemplateValues(this.accounts::accountId, region, this.registry.hints())) : target;
	}

	/**
	 * One copy of the request, with its model ID replaced.
	 * @param request the request as the caller made it
	 * @param modelId the target to send instead
	 * @return the copy
	 */
	private static SdkRequest withModelId(SdkRequest request, String modelId) {
		SdkRequest.Builder builder = request.toBuilder();
		for (SdkField<?> field : ((SdkPojo) builder).sdkFields()) {
			if (MODEL_ID.equals(field.memberName())) {
				field.set(builder, modelId);
			}
		}
		return builder.build();
	}

	@Override
	public String toString() {
		return "BindingInterceptor[" + this.registry.region().orElse("no region") + "]";
	}

}
