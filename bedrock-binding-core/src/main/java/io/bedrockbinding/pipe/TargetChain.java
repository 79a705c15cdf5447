package io.bedrockbinding.pipe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.bedrockbinding.account.AccountResolutionException;
import io.bedrockbinding.identifier.UnresolvedTemplateException;
import io.bedrockbinding.registry.Resolution;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;

/**
 * The failover loop of one call: tries the hops of a {@link Resolution} in order,
 * skipping those that are cooling down, and moves on only for failures another target may
 * not have (throttling, service unavailable, model not ready, timeouts, connection
 * failures, an on-demand refusal). Validation errors, access denied and anything else are
 * the caller's to see at once. When every hop failed, one {@link BedrockPipeException}
 * lists each hop's failure.
 */
final class TargetChain {

	private final PipeContext context;

	private final String modelId;

	private final Resolution resolution;

	private final List<Resolution.Hop> hops;

	TargetChain(PipeContext context, String modelId, Resolution resolution, List<Resolution.Hop> hops) {
		this.context = context;
		this.modelId = modelId;
		this.resolution = resolution;
		this.hops = hops;
	}

	/**
	 * The first hop, as observers and errors before any call name it.
	 * @return the first hop
	 */
	Resolution.Hop first() {
		return this.hops.get(0);
	}

	/**
	 * The first hop's route.
	 * @return the route
	 */
	Route firstRoute() {
		return this.context.route(this.modelId, this.resolution, this.hops.get(0));
	}

	/**
	 * Runs a sync call along the chain.
	 * @param send sends one attempt, throwing what the SDK threw
	 * @param translate turns a failure of a route into the pipe's exception
	 * @return the first answer
	 */
	PipeResult execute(Function<Attempt, PipeResult> send,
			BiFunction<Throwable, @Nullable Route, BedrockPipeException> translate) {
		List<BedrockPipeException> failures = new ArrayList<>(1);
		List<Resolution.Hop> order = order();
		for (int i = 0; i < order.size(); i++) {
			Attempt attempt = attempt(order.get(i), i, order, translate, failures);
			try {
				return succeeded(attempt, send.apply(attempt), failures.size());
			}
			catch (RuntimeException ex) {
				BedrockPipeException failure = failed(attempt, ex, order, translate, failures);
				if (failure != null) {
					throw failure;
				}
			}
		}
		throw exhausted(failures, order);
	}

	/**
	 * Runs an async call (or a stream) along the chain.
	 * @param send sends one attempt; a failure wrapped by {@link #surface(Throwable)} is
	 * not failed over (a stream that already handed text to the caller)
	 * @param translate turns a failure of a route into the pipe's exception
	 * @return the first answer
	 */
	CompletableFuture<PipeResult> executeAsync(Function<Attempt, CompletableFuture<PipeResult>> send,
			BiFunction<Throwable, @Nullable Route, BedrockPipeException> translate) {
		return next(order(), 0, send, translate, new ArrayList<>(1));
	}

	private CompletableFuture<PipeResult> next(List<Resolution.Hop> order, int index,
			Function<Attempt, CompletableFuture<PipeResult>> send,
			BiFunction<Throwable, @Nullable Route, BedrockPipeException> translate,
			List<BedrockPipeException> failures) {
		if (index == order.size()) {
			return CompletableFuture.failedFuture(exhausted(failures, order));
		}
		Attempt attempt;
		CompletableFuture<PipeResult> sent;
		try {
			attempt = attempt(order.get(index), index, order, translate, failures);
			sent = send.apply(attempt);
		}
		catch (BedrockPipeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return sent.handle((result, thrown) -> {
			if (thrown == null) {
				return CompletableFuture.completedFuture(succeeded(attempt, result, failures.size()));
			}
			BedrockPipeException failure = failed(attempt, thrown, order, translate, failures);
			// On another thread: on the one that failed, the SDK's Netty client may hand
			// out a connection the failed call's late cancel closes (SDK PR 3031): 1 hop
			// in 150 without SDK retries failed so, 1 in 10,000 does now.
			return (failure != null) ? CompletableFuture.<PipeResult>failedFuture(failure)
					: CompletableFuture.supplyAsync(() -> next(order, index + 1, send, translate, failures))
						.thenCompose((future) -> future);
		}).thenCompose((future) -> future);
	}

	/**
	 * Marks a failure that must reach the caller as it is: a stream that handed text to
	 * the caller never starts again on another target (no text twice, no mixed replies).
	 * @param failure the failure
	 * @return the marked failure
	 */
	static RuntimeException surface(Throwable failure) {
		return new Surfaced(failure);
	}

	// The hops not cooling down, in order; all of them when every one is (then the call
	// probes them rather than failing unsent).
	private List<Resolution.Hop> order() {
		if (this.hops.size() == 1) {
			return this.hops;
		}
		List<Resolution.Hop> ready = new ArrayList<>(this.hops.size());
		for (Resolution.Hop hop : this.hops) {
			if (!isCoolingDown(hop)) {
				ready.add(hop);
			}
		}
		return ready.isEmpty() ? this.hops : ready;
	}

	// Looked up as attempts record it: under the target as called, templates filled in.
	// A template that cannot be filled is not cooling down: its attempt says why it
	// fails.
	private boolean isCoolingDown(Resolution.Hop hop) {
		String target = calledTarget(hop);
		return target != null && this.context.cooldowns.isCoolingDown(target, hop.region());
	}

	private @Nullable String calledTarget(Resolution.Hop hop) {
		try {
			return this.context.target(hop).value();
		}
		catch (UnresolvedTemplateException | AccountResolutionException ex) {
			return null;
		}
	}

	/**
	 * The attempt of one hop.
	 * @param hop the hop
	 * @param index its place in the order tried
	 * @param order the hops tried, in order
	 * @param translate turns a failure into the pipe's exception
	 * @param failures the failures of the hops tried before
	 * @return the attempt
	 * @throws BedrockPipeException when the hop cannot be called (a template that cannot
	 * be filled in), named by its own target and region, after the earlier failures
	 */
	private Attempt attempt(Resolution.Hop hop, int index, List<Resolution.Hop> order,
			BiFunction<Throwable, @Nullable Route, BedrockPipeException> translate,
			List<BedrockPipeException> failures) {
		Route route;
		try {
			route = this.context.route(this.modelId, this.resolution, hop);
		}
		catch (RuntimeException ex) {
			// the hop as bound, its template not filled in
			BedrockPipeException failure = translate.apply(ex, new Route(this.modelId, this.resolution.binding(),
					hop.target(), hop.region(), this.resolution.onDemandFallback()));
			throw failures.isEmpty() ? failure : exhausted(append(failures, failure), order);
		}
		int maxAttempts = (index < order.size() - 1) ? this.context.failover.sdkMaxAttempts() : 0;
		return new Attempt(route, hop.appended(), maxAttempts);
	}

	private PipeResult succeeded(Attempt attempt, PipeResult result, int failed) {
		this.context.cooldowns.succeeded(attempt.route().target().value(), attempt.route().region());
		return (failed == 0) ? result : result.withTargetsTried(failed + 1);
	}

	// Records a failed attempt of those of order: the exception to throw now, or null to
	// try the next hop.
	private @Nullable BedrockPipeException failed(Attempt attempt, Throwable thrown, List<Resolution.Hop> order,
			BiFunction<Throwable, @Nullable Route, BedrockPipeException> translate,
			List<BedrockPipeException> failures) {
		Throwable cause = (thrown instanceof CompletionException && thrown.getCause() != null) ? thrown.getCause()
				: thrown;
		boolean surfaced = cause instanceof Surfaced;
		BedrockPipeException failure = translate.apply(surfaced ? cause.getCause() : cause, attempt.route());
		if (failure.reason() == FailureReason.THROTTLED) {
			// a stream throttled after its first text too: the target throttles
			this.context.cooldowns.throttled(attempt.route().target().value(), attempt.route().region());
		}
		if (surfaced) {
			return failure;
		}
		if (failure.reason() == FailureReason.CANCELLED) {
			// the caller stopped waiting: no target failed, whatever the earlier ones did
			return failure;
		}
		if (!failsOver(failure)) {
			return (failures.isEmpty()) ? failure : exhausted(append(failures, failure), order);
		}
		failures.add(failure);
		return null;
	}

	/**
	 * Whether another target may answer where this one failed.
	 * @param failure the failure of one target
	 * @return whether to try the next
	 */
	static boolean failsOver(BedrockPipeException failure) {
		return switch (failure.reason()) {
			case THROTTLED, TIMEOUT, CONNECTION_FAILED, CONNECTION_CLOSED, ON_DEMAND_NOT_SUPPORTED,
					STREAM_INTERRUPTED ->
				true;
			case SERVICE_ERROR -> "ServiceUnavailableException".equals(failure.errorCode());
			default -> false;
		};
	}

	/**
	 * The failure of a call that tried the hops of {@code order} and got nowhere: the one
	 * failure of a chain of one, else every failure in order and the hops skipped as
	 * cooling down.
	 * @param failures the failures, in the order tried
	 * @param order the hops the call tried
	 * @return the exception to throw
	 */
	private BedrockPipeException exhausted(List<BedrockPipeException> failures, List<Resolution.Hop> order) {
		List<Cooldowns.Cooldown> skipped = skipped(order);
		if (failures.size() == 1 && skipped.isEmpty()) {
			return failures.get(0);
		}
		BedrockPipeException last = failures.get(failures.size() - 1);
		StringBuilder problem = new StringBuilder("Every target of " + this.modelId
				+ (skipped.isEmpty() ? " failed, in order:" : " failed or is cooling down, in order:"));
		List<String> fixes = new ArrayList<>();
		for (int i = 0; i < failures.size(); i++) {
			BedrockPipeException failure = failures.get(i);
			// the line names the target and region: of the exception's own details, AWS's
			// error code and request ID are left to say, unless the message's last line
			// is this one (the exception's details end it)
			String message = failure.problem();
			int end = message.indexOf('\n');
			problem.append("\n  ")
				.append(i + 1)
				.append(". ")
				.append(failure.target())
				.append(" (")
				.append(failure.region())
				.append("): ")
				.append((end >= 0) ? message.substring(0, end) : message)
				.append((i == failures.size() - 1 && skipped.isEmpty()) ? "" : details(failure));
			// the chain's own fix below replaces advice to spread the load over more
			// targets
			String fix = (failure.reason() == FailureReason.THROTTLED) ? PipeErrors.THROTTLED_IN_CHAIN : failure.fix();
			if (!fixes.contains(fix)) {
				fixes.add(fix);
			}
		}
		for (Cooldowns.Cooldown cooldown : skipped) {
			problem.append("\n  skipped: ")
				.append(cooldown.target())
				.append(" (")
				.append(cooldown.region())
				.append("), cooling down after ")
				.append(cooldown.throttles())
				.append((cooldown.throttles() == 1) ? " throttled call" : " throttled calls in a row")
				.append(", until ")
				.append(cooldown.until());
		}
		if (!skipped.isEmpty()) {
			fixes.add("calls try the skipped targets again when their cooldown ends");
		}
		String fix = String.join("; ", fixes) + "; or add a target of another geography, region or account to the"
				+ " chain of " + this.modelId;
		BedrockPipeException exhausted = new BedrockPipeException(last.reason(), this.modelId, last.target(),
				last.region(), last.errorCode(), last.requestId(), problem.toString(), fix, last);
		for (int i = 0; i < failures.size() - 1; i++) {
			exhausted.addSuppressed(failures.get(i));
		}
		return exhausted;
	}

	// " (ThrottlingException, request 1234)": what AWS said of one failure, if anything.
	private static String details(BedrockPipeException failure) {
		List<String> details = new ArrayList<>(2);
		if (failure.errorCode() != null) {
			details.add(failure.errorCode());
		}
		if (failure.requestId() != null) {
			details.add("request " + failure.requestId());
		}
		return details.isEmpty() ? "" : " (" + String.join(", ", details) + ")";
	}

	// The cooldowns of the hops left out of the order (none when it tried every hop).
	private List<Cooldowns.Cooldown> skipped(List<Resolution.Hop> order) {
		if (order.size() == this.hops.size()) {
			return List.of();
		}
		List<Cooldowns.Cooldown> skipped = new ArrayList<>();
		for (Cooldowns.Cooldown cooldown : this.context.cooldowns.active()) {
			for (Resolution.Hop hop : this.hops) {
				if (!order.contains(hop) && cooldown.region().equals(hop.region())
						&& cooldown.target().equals(calledTarget(hop))) {
					skipped.add(cooldown);
				}
			}
		}
		return skipped;
	}

	private static List<BedrockPipeException> append(List<BedrockPipeException> failures,
			BedrockPipeException failure) {
		List<BedrockPipeException> all = new ArrayList<>(failures);
		all.add(failure);
		return all;
	}

	/**
	 * One attempt of the chain.
	 *
	 * @param route where it goes
	 * @param appended whether it is the on-demand fallback's geo profile
	 * @param sdkMaxAttempts the most SDK attempts for it, 0 for the client's own
	 */
	record Attempt(Route route, boolean appended, int sdkMaxAttempts) {

		ConverseRequest limit(ConverseRequest request) {
			return (this.sdkMaxAttempts == 0) ? request
					: request.toBuilder()
						.overrideConfiguration(limited(request.overrideConfiguration().orElse(null)))
						.build();
		}

		ConverseStreamRequest limit(ConverseStreamRequest request) {
			return (this.sdkMaxAttempts == 0) ? request
					: request.toBuilder()
						.overrideConfiguration(limited(request.overrideConfiguration().orElse(null)))
						.build();
		}

		private AwsRequestOverrideConfiguration limited(@Nullable AwsRequestOverrideConfiguration override) {
			AwsRequestOverrideConfiguration.Builder builder = (override != null) ? override.toBuilder()
					: AwsRequestOverrideConfiguration.builder();
			int max = this.sdkMaxAttempts;
			// A request plugin may change the client's configuration for this one call:
			// the same retry strategy (backoff, conditions) with fewer attempts, never
			// more.
			SdkPlugin fewerAttempts = (config) -> {
				ClientOverrideConfiguration current = config.overrideConfiguration();
				RetryStrategy strategy = (current != null) ? current.retryStrategy().orElse(null) : null;
				if (strategy != null && strategy.maxAttempts() > max) {
					config.overrideConfiguration(
							current.toBuilder().retryStrategy(strategy.toBuilder().maxAttempts(max).build()).build());
				}
			};
			return builder.addPlugin(fewerAttempts).build();
		}

	}

	/** A failure that must not fail over. */
	private static final class Surfaced extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Surfaced(Throwable cause) {
			super(cause);
		}

	}

}
