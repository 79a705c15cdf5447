package io.bedrockbinding.pipe;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

import io.bedrockbinding.SettingHints;
import io.bedrockbinding.account.AccountResolutionException;
import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.identifier.BedrockArn;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.ModelIds;
import io.bedrockbinding.identifier.TargetKind;
import io.bedrockbinding.identifier.UnresolvedTemplateException;
import io.bedrockbinding.registry.BindingProblem;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.Fixes;
import io.bedrockbinding.registry.Origin;
import io.bedrockbinding.registry.ProblemCode;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns whatever a call threw into a {@link BedrockPipeException} that says what to do.
 */
final class PipeErrors {

	/**
	 * The message of Bedrock's refusal of a model past its end of life, a
	 * ResourceNotFoundException, quoted from Converse and InvokeModel calls in
	 * https://github.com/aws-solutions-library-samples/accelerated-intelligent-document-processing-on-aws/issues/708
	 * and https://github.com/aws-samples/amazon-bedrock-ai-karaoke/issues/21.
	 */
	static final String END_OF_LIFE_REFUSAL = "This model version has reached the end of its life.";

	/**
	 * Bedrock's refusal of tools for a model without tool use, as quoted in
	 * https://github.com/langchain-ai/langchain-aws/issues/447 (DeepSeek-R1).
	 */
	private static final String NO_TOOL_USE = "doesn't support tool use";

	/**
	 * The fix of a throttled target in the failure of a chain, whose own fix is to add a
	 * target.
	 */
	static final String THROTTLED_IN_CHAIN = "still throttled after the SDK's retries: slow down or ask for a higher quota";

	/**
	 * How the AWS SDK's credentials providers begin the message of an SdkClientException
	 * when none has credentials ("Unable to load credentials from any of the providers in
	 * the chain ..."; the SDK's DefaultCredentialsProvider).
	 */
	private static final String NO_CREDENTIALS = "Unable to load credentials";

	private final BindingRegistry registry;

	private final AccountResolver accounts;

	private final PipeTimeouts timeouts;

	private final SettingHints hints;

	private final BooleanSupplier closed;

	PipeErrors(BindingRegistry registry, AccountResolver accounts, PipeTimeouts timeouts, SettingHints hints,
			BooleanSupplier closed) {
		this.registry = registry;
		this.accounts = accounts;
		this.timeouts = timeouts;
		this.hints = hints;
		this.closed = closed;
	}

	/**
	 * Whether {@code failure} is Bedrock's "use an inference profile" refusal.
	 * @param failure an error Bedrock answered with
	 * @return whether it is the on-demand refusal
	 */
	static boolean isOnDemandRefusal(AwsServiceException failure) {
		String message = failure.awsErrorDetails().errorMessage();
		return message != null && message.contains("with on-demand throughput isn");
	}

	/**
	 * Whether {@code failure} says the target is out of capacity for now: Bedrock's
	 * ThrottlingException (as a call's answer or inside a ConverseStream),
	 * ServiceQuotaExceededException or ModelNotReadyException. The pipe reports these as
	 * {@link FailureReason#THROTTLED}, and they count toward a target's cooldown.
	 * @param failure an error Bedrock answered with
	 * @return whether Bedrock throttled the call
	 */
	static boolean isThrottling(AwsServiceException failure) {
		String code = errorType(failure.awsErrorDetails().errorCode());
		return "ThrottlingException".equals(code) || "ServiceQuotaExceededException".equals(code)
				|| "ModelNotReadyException".equals(code);
	}

	/**
	 * The pipe's failure for what a call threw.
	 * @param thrown what the call threw (or failed its future with)
	 * @param modelId the model ID the caller asked for
	 * @param route the route of the call, if it was resolved
	 * @param timeout the API-call timeout in force
	 * @param pipeTimeout whether that timeout is the pipe's own ({@code withTimeout})
	 * @return the failure, with a fix
	 */
	BedrockPipeException translate(Throwable thrown, String modelId, @Nullable Route route, Duration timeout,
			boolean pipeTimeout) {
		Throwable failure = unwrap(thrown);
		if (failure instanceof BedrockPipeException pipeException) {
			return pipeException;
		}
		String target = (route != null) ? route.target().value() : null;
		String region = (route != null) ? route.region() : null;
		BedrockPipeException stopped = CallerErrors.translate(failure, modelId, target, region,
				this.closed.getAsBoolean());
		if (stopped != null) {
			return stopped;
		}
		return inUnknownRegion(named(failure, modelId, route, timeout, pipeTimeout));
	}

	/**
	 * {@code failure} with a word on its region when the AWS SDK does not know it: a
	 * well-formed region the pipe took (it may be newer than the SDK) whose call failed,
	 * most often as {@link FailureReason#UNKNOWN_MODEL}, for which a typo of the region
	 * is the likelier cause.
	 * @param failure the failure of a call
	 * @return it, or it with the region named as unknown
	 */
	private static BedrockPipeException inUnknownRegion(BedrockPipeException failure) {
		String region = failure.region();
		if (region == null || BedrockArn.isKnownRegion(region)) {
			return failure;
		}
		return new BedrockPipeException(failure.reason(), failure.modelId(), failure.target(), region,
				failure.errorCode(), failure.requestId(),
				failure.problem() + " (the region " + region + " is not one the AWS SDK knows)",
				"check the region's spelling: " + region + " is not one the AWS SDK knows (a region newer than the "
						+ "SDK needs a newer SDK); if it is right, " + failure.fix(),
				failure.getCause());
	}

	private BedrockPipeException named(Throwable failure, String modelId, @Nullable Route route, Duration timeout,
			boolean pipeTimeout) {
		String target = (route != null) ? route.target().value() : null;
		String region = (route != null) ? route.region() : null;
		if (failure instanceof UnresolvedTemplateException || failure instanceof AccountResolutionException) {
			return new BedrockPipeException(FailureReason.UNRESOLVED_TEMPLATE, modelId,
					(target != null) ? target : this.registry.resolve(modelId).target().value(), region, null, null,
					failure.getMessage(), "configure the value the target's template needs (see above)", failure);
		}
		if (failure instanceof AwsServiceException aws) {
			return translateService(aws, modelId, route);
		}
		BedrockPipeException transport = TransportErrors.translate(failure, modelId, route, this.timeouts, timeout,
				pipeTimeout, this.hints);
		if (transport != null) {
			return transport;
		}
		if (failure instanceof SdkClientException && causedBy(failure, ConnectException.class)) {
			return new BedrockPipeException(FailureReason.CONNECTION_FAILED, modelId, target, region, null, null,
					"Could not connect to Bedrock in " + region + ": " + failure.getMessage(),
					"check the network and " + this.hints.endpoint() + " (an emulator must be running there)", failure);
		}
		if (failure instanceof SdkClientException && failure.getMessage() != null
				&& failure.getMessage().startsWith(NO_CREDENTIALS)) {
			return new BedrockPipeException(FailureReason.OTHER, modelId, target, region, null, null,
					"No AWS credentials for the call: nothing was sent. " + failure.getMessage(),
					"give the application credentials (the SDK's default chain reads AWS_ACCESS_KEY_ID and "
							+ "AWS_SECRET_ACCESS_KEY, AWS_PROFILE and ~/.aws/credentials, and an instance or container "
							+ "role), or point " + this.hints.endpoint() + " at an emulator",
					failure);
		}
		return new BedrockPipeException(FailureReason.OTHER, modelId, target, region, null, null,
				"The call failed: " + failure, "see the cause", failure);
	}

	private BedrockPipeException translateService(AwsServiceException aws, String modelId, @Nullable Route route) {
		// An error inside a ConverseStream names its type as the event does
		// (throttlingException).
		String code = errorType(aws.awsErrorDetails().errorCode());
		String message = aws.awsErrorDetails().errorMessage();
		String target = (route != null) ? route.target().value() : null;
		String region = (route != null) ? route.region() : null;
		String requestId = aws.requestId();
		FailureReason reason;
		String fix;
		if (isOnDemandRefusal(aws)) {
			reason = FailureReason.ON_DEMAND_NOT_SUPPORTED;
			// The refused call may be of another model than the one asked for (a direct
			// binding to it).
			String called = (route != null && route.target() instanceof BindingTarget.Direct direct) ? direct.modelId()
					: modelId;
			String profile = (route != null) ? route.onDemandFallback().map(BindingTarget::value).orElse(null) : null;
			fix = "bind " + modelId + " to an inference profile; "
					+ Fixes.bindingLines(modelId, (profile != null) ? profile : "<geo>." + called, this.hints,
							inForce(route))
					+ "\n(or set " + this.hints.onDemandFallback() + " to retry with the region's geo profile)";
		}
		else if ("AccessDeniedException".equals(code)) {
			reason = FailureReason.ACCESS_DENIED;
			fix = "allow bedrock:InvokeModel (and bedrock:InvokeModelWithResponseStream for streaming) on "
					+ String.join(", ", arnsToAllow(modelId, route));
		}
		else if ("ResourceNotFoundException".equals(code) && message != null && message.contains(END_OF_LIFE_REFUSAL)) {
			reason = FailureReason.END_OF_LIFE;
			fix = endOfLifeFix(modelId, route);
		}
		else if ("ResourceNotFoundException".equals(code) || ("ValidationException".equals(code) && message != null
				&& message.contains("model identifier is invalid"))) {
			reason = FailureReason.UNKNOWN_MODEL;
			// what validation says of the binding is the likeliest reason (a geography
			// that does not serve the region, one the model has no profile in)
			fix = bindingProblem(route).map((problem) -> problem.message() + ": " + problem.fix())
				.orElse("check the model ID and the bound target: the target must exist in " + region
						+ " (inference-config search lists known model IDs; inference-config discover lists the account's profiles)");
		}
		else if (isThrottling(aws)) {
			reason = FailureReason.THROTTLED;
			fix = "still throttled after the SDK's retries: slow down, ask for a higher quota, or bind a cross-region profile (us., eu., global.) that spreads load over regions";
		}
		else if ("ModelTimeoutException".equals(code)) {
			reason = FailureReason.TIMEOUT;
			fix = "the model took too long: shorten the request, lower maxTokens, or retry";
		}
		else if ("ModelErrorException".equals(code) || "ModelStreamErrorException".equals(code)) {
			reason = FailureReason.SERVICE_ERROR;
			fix = "the model failed while answering (a stream may have delivered part of the reply); retry the call";
		}
		else if (aws.statusCode() >= 500) {
			reason = FailureReason.SERVICE_ERROR;
			fix = "Bedrock failed; retry later (the SDK already retried)";
		}
		else if (message != null && message.contains(NO_TOOL_USE)) {
			reason = FailureReason.INVALID_REQUEST;
			fix = "call it without tools, or ask a model that takes them (inference-config search lists the "
					+ "catalog's models)";
		}
		else {
			reason = FailureReason.INVALID_REQUEST;
			fix = "Bedrock refused the request as sent; see the message";
		}
		// a stream that broke while the model answered was not refused
		String what = "ModelStreamErrorException".equals(code) ? "The model failed while streaming its answer: "
				: "Bedrock refused the call: ";
		return new BedrockPipeException(reason, modelId, target, region, code, requestId, what + message, fix, aws);
	}

	/**
	 * The fix of an end-of-life refusal: the successor the catalog names for the called
	 * model, and the binding that reaches it from the call's region.
	 * @param modelId the model the caller asked for
	 * @param route where the refused call went, or {@code null} if it was not routed
	 * @return the fix
	 */
	private String endOfLifeFix(String modelId, @Nullable Route route) {
		String called = (route != null) ? route.target().namedModel().orElse(modelId) : modelId;
		String region = (route != null) ? route.region() : null;
		String successor = this.registry.catalog()
			.find(called)
			.map((model) -> model.lifecycle().successor())
			.orElse(null);
		String target = this.registry.catalog().successorTarget(called, region).orElse(null);
		if (successor == null || target == null) {
			return called + " is past its end of life: move to an active model (inference-config search "
					+ "lists the catalog's; it names no successor for " + called + ")";
		}
		return "move to " + successor + ", AWS's recommended successor of " + called
				+ ": ask for it in the application, or bind " + modelId + " to it; "
				+ Fixes.bindingLines(modelId, target, this.hints, inForce(route));
	}

	private Optional<BindingProblem> bindingProblem(@Nullable Route route) {
		if (route == null) {
			return Optional.empty();
		}
		return this.registry.problemsOf(route.binding())
			.stream()
			.filter((problem) -> problem.code() != ProblemCode.LEGACY)
			.findFirst();
	}

	// where the binding the call used came from: the layer its fix belongs in
	private static @Nullable Origin inForce(@Nullable Route route) {
		return (route != null) ? route.binding().origin() : null;
	}

	/**
	 * {@code throttlingException} (an event stream's spelling) as
	 * {@code ThrottlingException}.
	 * @param code the error code as AWS sent it
	 * @return the code as the error's type is spelled
	 */
	private static @Nullable String errorType(@Nullable String code) {
		if (code == null || code.isEmpty() || Character.isUpperCase(code.charAt(0))) {
			return code;
		}
		return Character.toUpperCase(code.charAt(0)) + code.substring(1);
	}

	/**
	 * The profile ARN and the foundation-model ARNs of every destination region: a system
	 * profile (by ID or by ARN) routes to every region of its geography, and IAM checks
	 * the foundation model in the region each request lands in.
	 * @param modelId the model the caller asked for
	 * @param route where the refused call went, or {@code null} if it was not routed
	 * @return the ARNs an IAM policy must allow
	 */
	private List<String> arnsToAllow(String modelId, @Nullable Route route) {
		if (route == null) {
			return List.of("arn:aws:bedrock:*::foundation-model/" + modelId);
		}
		String partition = BedrockArn.partitionOf(route.region());
		String account = this.accounts.knownAccountId().orElse("ACCOUNT");
		BindingTarget target = route.target();
		List<String> arns = new ArrayList<>();
		String calledModel = modelId;
		List<String> regions = List.of(route.region());
		if (target instanceof BindingTarget.SystemProfile profile) {
			arns.add(new BedrockArn(partition, route.region(), account, "inference-profile", profile.value())
				.toString());
			calledModel = profile.modelId();
			regions = geographyRegions(profile.geo(), calledModel, regions);
		}
		else if (target instanceof BindingTarget.Direct direct) {
			calledModel = direct.modelId();
		}
		else if (target instanceof BindingTarget.Arn arn) {
			arns.add(arn.value());
			BedrockArn parsed = arn.arn();
			if (target.kind() == TargetKind.PROFILE_ARN && ModelIds.isSystemProfileId(parsed.resourceId())
					&& BindingTarget.parse(parsed.resourceId()) instanceof BindingTarget.SystemProfile profile) {
				calledModel = profile.modelId();
				regions = geographyRegions(profile.geo(), calledModel, List.of(parsed.region()));
			}
			else if (target.kind() == TargetKind.FOUNDATION_MODEL_ARN) {
				calledModel = parsed.resourceId();
			}
			else {
				// An application profile or a provisioned/custom model does not name its
				// destinations.
				regions = List.of("*");
			}
		}
		for (String region : regions) {
			arns.add(new BedrockArn(partition, region, "", "foundation-model", calledModel).toString());
		}
		return arns;
	}

	/**
	 * The regions a system profile of {@code geo} routes to: the model's source regions
	 * of the geography ({@code ModelInfo.sourceRegions}; a call from such a region may
	 * land in it).
	 * @param geo the profile's geography
	 * @param modelId the profile's model
	 * @param otherwise the regions when the geography is unknown
	 * @return the regions
	 */
	private List<String> geographyRegions(String geo, String modelId, List<String> otherwise) {
		ModelCatalog catalog = this.registry.catalog();
		Optional<ModelInfo> model = catalog.find(modelId);
		return catalog.geographies()
			.find(geo)
			.map((geography) -> model.map((known) -> known.sourceRegions(geography)).orElse(geography.regions()))
			.orElse(otherwise);
	}

	private static Throwable unwrap(Throwable thrown) {
		Throwable current = thrown;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
		for (Throwable current = thrown; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
		}
		return false;
	}

}
