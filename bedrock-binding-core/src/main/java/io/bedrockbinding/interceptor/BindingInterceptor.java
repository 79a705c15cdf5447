package io.bedrockbinding.interceptor;

import io.bedrockbinding.account.AccountResolutionException;
import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.TemplateValues;
import io.bedrockbinding.identifier.UnresolvedTemplateException;
import io.bedrockbinding.pipe.Cooldowns;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.Resolution;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensRequest;
import software.amazon.awssdk.services.bedrockruntime.model.StartAsyncInvokeRequest;

/**
 * Replaces the model ID of every bedrock-runtime request that carries one (Converse,
 * ConverseStream, InvokeModel, InvokeModelWithResponseStream, ...) with the target bound
 * to it for the client's region: the region's geo profile for a model that needs one,
 * templates filled in. The binding is resolved on every call, so reloads and runtime
 * binds apply to the next request. Requests without a model ID (ApplyGuardrail,
 * GetAsyncInvoke, ...) pass unchanged. So do two that take the foundation model, not a
 * profile: CountTokens, whose model ID is "the unique identifier or ARN of the foundation
 * model"
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_CountTokens.html),
 * and StartAsyncInvoke, which AWS lists for base models only where InvokeModel takes
 * inference profiles (TwelveLabs Marengo Embed 2.7 and 3.0:
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-marengo.html,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-marengo-3.html).
 * <p>
 * A target that must be called in another region (an ARN of another region, bound or
 * named by the request itself) fails before anything is sent, with a
 * {@link CrossRegionTargetException}: an interceptor cannot move a call to another
 * region. Add it to a client the application builds:
 *
 * <pre>{@code
 * BedrockRuntimeClient client = BedrockRuntimeClient.builder()
 *     .region(Region.US_EAST_2)
 *     .overrideConfiguration((o) -> o.addExecutionInterceptor(BindingInterceptor.of(registry)))
 *     .build();
 * }</pre>
 *
 * For a binding with several targets (a failover chain) it sends the first target of the
 * client's region that is not cooling down: with the {@link Cooldowns} of a pipe factory
 * ({@link #of(BindingRegistry, AccountResolver, Cooldowns)}), a target that keeps
 * throttling is skipped by the next requests as it is by pipes. It cannot send one
 * request twice, so a failed request is not retried on another target.
 * <p>
 * Thread-safe; one instance can serve every client.
 */
public final class BindingInterceptor implements ExecutionInterceptor {

	/**
	 * The SDK's field (and member) name of the model identifier in bedrock-runtime
	 * requests.
	 */
	private static final String MODEL_ID = "modelId";

	private final BindingRegistry registry;

	private static final ExecutionAttribute<String[]> SENT = new ExecutionAttribute<>("BedrockBindingSentTarget");

	private final AccountResolver accounts;

	private final @Nullable Cooldowns cooldowns;

	private BindingInterceptor(BindingRegistry registry, AccountResolver accounts, @Nullable Cooldowns cooldowns) {
		this.registry = registry;
		this.accounts = accounts;
		this.cooldowns = cooldowns;
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
		return new BindingInterceptor(registry, accounts, null);
	}

	/**
	 * An interceptor of {@code registry}'s bindings that shares a pipe factory's
	 * cooldowns: throttled requests cool their target down, and a chain's targets that
	 * are cooling down are skipped.
	 * @param registry the bindings to apply
	 * @param accounts fills {@code {account}} in targets; asked only when a target has
	 * one
	 * @param cooldowns the cooldowns to read and record, e.g.
	 * {@code BedrockPipeFactory.cooldowns()}
	 * @return the interceptor
	 */
	public static BindingInterceptor of(BindingRegistry registry, AccountResolver accounts, Cooldowns cooldowns) {
		return new BindingInterceptor(registry, accounts, cooldowns);
	}

	@Override
	public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes executionAttributes) {
		SdkRequest request = context.request();
		if (request instanceof CountTokensRequest || request instanceof StartAsyncInvokeRequest) {
			return request;
		}
		String modelId = request.getValueForField(MODEL_ID, String.class).orElse(null);
		Region region = executionAttributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
		if (modelId == null || region == null) {
			return request;
		}
		BindingTarget target;
		try {
			target = target(modelId, region.id());
		}
		catch (UnresolvedTemplateException | AccountResolutionException ex) {
			// a client's failure, as callers that catch SdkException expect; the
			// message names the template and its fix
			throw SdkClientException.create(
					"The binding of " + modelId + " cannot be filled in, so nothing was sent: " + ex.getMessage(), ex);
		}
		String targetRegion = target.region().orElse(null);
		if (targetRegion != null && !targetRegion.equals(region.id())) {
			throw new CrossRegionTargetException(modelId, target.value(), targetRegion, region.id());
		}
		if (this.cooldowns != null) {
			executionAttributes.putAttribute(SENT, new String[] { target.value(), region.id() });
		}
		return target.value().equals(modelId) ? request : withModelId(request, target.value());
	}

	@Override
	public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
		String[] sent = executionAttributes.getAttribute(SENT);
		if (this.cooldowns != null && sent != null) {
			this.cooldowns.succeeded(sent[0], sent[1]);
		}
	}

	@Override
	public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes executionAttributes) {
		String[] sent = executionAttributes.getAttribute(SENT);
		if (this.cooldowns != null && sent != null && Cooldowns.isThrottle(context.exception())) {
			this.cooldowns.throttled(sent[0], sent[1]);
		}
	}

	/**
	 * The target bound to {@code modelId} for a call from {@code region}, templates
	 * filled in: the registry's one resolution per call.
	 * @param modelId the model ID the request names
	 * @param region the client's region
	 * @return the target to send
	 */
	private BindingTarget target(String modelId, String region) {
		Resolution resolution = this.registry.resolve(modelId, region);
		return filled((resolution.hops().size() == 1) ? resolution.target() : pick(resolution, region), region);
	}

	/**
	 * The first target of a chain that can be sent from the client's region and is not
	 * cooling down; else the first of the region; else the chain's first (which fails as
	 * a target of another region).
	 * @param resolution the call's resolution
	 * @param region the client's region
	 * @return the target to send, templates filled in if it is of the region
	 */
	private BindingTarget pick(Resolution resolution, String region) {
		BindingTarget firstOfRegion = null;
		for (Resolution.Hop hop : resolution.boundHops()) {
			if (!hop.region().equals(region)) {
				continue;
			}
			// Looked up as it is recorded (SENT): under the target as sent.
			BindingTarget target = filled(hop.target(), region);
			if (this.cooldowns == null || !this.cooldowns.isCoolingDown(target.value(), region)) {
				return target;
			}
			if (firstOfRegion == null) {
				firstOfRegion = target;
			}
		}
		return (firstOfRegion != null) ? firstOfRegion : resolution.target();
	}

	/**
	 * {@code target} with its templates filled in for a call from {@code region}.
	 * @param target a bound target
	 * @param region the client's region
	 * @return the target to send
	 */
	private BindingTarget filled(BindingTarget target, String region) {
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
