package io.bedrockbinding.pipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * The calls of one pipe: each model call resolves its route, is observed, goes to the
 * target ({@link TargetCall}) and is retried once with the derived geo profile after an
 * on-demand refusal; failures become {@link BedrockPipeException}s. When the options hold
 * Java tools, a call is a tool loop: it runs the tools the model asks for, sends their
 * results back, and ends when the model ends its turn.
 */
final class PipeCalls {

	private final PipeContext context;

	private final String modelId;

	private final PipeOptions options;

	private final PipeRequests requests;

	private final TargetCall target;

	PipeCalls(PipeContext context, String modelId, PipeOptions options) {
		this.context = context;
		this.modelId = modelId;
		this.options = options;
		this.requests = new PipeRequests(options);
		this.target = new TargetCall(context, modelId, this.requests);
	}

	PipeResult execute(List<Message> turn) {
		List<Message> sent = this.requests.messages(turn);
		PipeResult result = converse(sent);
		int rounds = 0;
		while (wantsTools(result)) {
			rounds = nextRound(result, rounds);
			result = converse(withToolResults(result));
		}
		return (rounds > 0) ? Replies.afterRounds(result, rounds) : result;
	}

	CompletableFuture<PipeResult> executeAsync(List<Message> turn) {
		return loop(this.requests.messages(turn), (route) -> (sent) -> sendAsync(route, sent, false));
	}

	CompletableFuture<PipeResult> stream(List<Message> turn, StreamCall.Sink sink) {
		return loop(this.requests.messages(turn), (route) -> (sent) -> streamAsync(route, sent, sink, false));
	}

	// ---- one model call ----------------------------------------------------------

	private PipeResult converse(List<Message> sent) {
		Route route = route();
		PipeObserver.Call call = this.context.observer.start(this.modelId, route.target().kind(), route.region());
		try {
			PipeResult result = send(route, sent, false);
			call.succeeded(result);
			return result;
		}
		catch (BedrockPipeException ex) {
			call.failed(ex);
			throw ex;
		}
	}

	private PipeResult send(Route route, List<Message> sent, boolean fallback) {
		try {
			return this.target.converse(route, sent, fallback);
		}
		catch (RuntimeException ex) {
			Route retry = fallbackFor(ex, route, fallback);
			if (retry != null) {
				return send(retry, sent, true);
			}
			throw translate(ex, route);
		}
	}

	private CompletableFuture<PipeResult> sendAsync(Route route, List<Message> sent, boolean fallback) {
		return this.target.converseAsync(route, sent, fallback).handle((result, failure) -> {
			if (failure == null) {
				return CompletableFuture.completedFuture(result);
			}
			Route retry = fallbackFor(failure, route, fallback);
			if (retry != null) {
				return sendAsync(retry, sent, true);
			}
			return CompletableFuture.<PipeResult>failedFuture(translate(failure, route));
		}).thenCompose((future) -> future);
	}

	private CompletableFuture<PipeResult> streamAsync(Route route, List<Message> sent, StreamCall.Sink sink,
			boolean fallback) {
		StreamCall call = this.target.stream(sink);
		return this.target.converseStream(route, sent, call, fallback).handle((result, failure) -> {
			if (failure == null) {
				return CompletableFuture.completedFuture(result);
			}
			Route retry = call.sawText() ? null : fallbackFor(failure, route, fallback);
			if (retry != null) {
				return streamAsync(retry, sent, sink, true);
			}
			return CompletableFuture.<PipeResult>failedFuture(translate(failure, route));
		}).thenCompose((future) -> future);
	}

	/**
	 * One observed model call without blocking.
	 * @param send sends the call along a route
	 * @return the result's future, failed only with a {@link BedrockPipeException}
	 */
	private CompletableFuture<PipeResult> observed(Function<Route, CompletableFuture<PipeResult>> send) {
		Route route;
		try {
			route = route();
		}
		catch (BedrockPipeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		PipeObserver.Call call = this.context.observer.start(this.modelId, route.target().kind(), route.region());
		CompletableFuture<PipeResult> sent;
		try {
			sent = send.apply(route);
		}
		catch (RuntimeException ex) {
			// e.g. the clients were closed: an async call reports through its future,
			// never by throwing
			sent = CompletableFuture.failedFuture(translate(ex, route));
		}
		// The caller's future fails with the same BedrockPipeException the observer saw,
		// even when something threw inside the SDK future's callbacks (a fallback retry,
		// say).
		CompletableFuture<PipeResult> observed = new CompletableFuture<>();
		sent.whenComplete((result, failure) -> {
			if (failure == null) {
				try {
					call.succeeded(result);
				}
				finally {
					observed.complete(result);
				}
			}
			else {
				BedrockPipeException exception = translate(failure, route);
				try {
					call.failed(exception);
				}
				finally {
					observed.completeExceptionally(exception);
				}
			}
		});
		return observed;
	}

	private Route route() {
		try {
			return this.context.route(this.modelId, this.options.region());
		}
		catch (RuntimeException ex) {
			throw translate(ex, null);
		}
	}

	private @Nullable Route fallbackFor(Throwable failure, Route route, boolean alreadyFallback) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (alreadyFallback || !(cause instanceof AwsServiceException aws) || !PipeErrors.isOnDemandRefusal(aws)) {
			return null;
		}
		return this.context.fallbackRoute(route);
	}

	private BedrockPipeException translate(Throwable failure, @Nullable Route route) {
		return this.context.errors.translate(failure, this.modelId, route,
				(this.options.timeout() != null) ? this.options.timeout() : this.context.timeouts.apiCall(),
				this.options.timeout() != null);
	}

	// ---- the tool loop -------------------------------------------------------------

	private CompletableFuture<PipeResult> loop(List<Message> sent,
			Function<Route, Function<List<Message>, CompletableFuture<PipeResult>>> send) {
		return next(observed((route) -> send.apply(route).apply(sent)), send, 0);
	}

	private CompletableFuture<PipeResult> next(CompletableFuture<PipeResult> call,
			Function<Route, Function<List<Message>, CompletableFuture<PipeResult>>> send, int rounds) {
		return call.thenCompose((result) -> {
			if (!wantsTools(result)) {
				return CompletableFuture.completedFuture((rounds > 0) ? Replies.afterRounds(result, rounds) : result);
			}
			int round;
			List<Message> sent;
			try {
				round = nextRound(result, rounds);
				sent = withToolResults(result);
			}
			catch (BedrockPipeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
			return next(observed((route) -> send.apply(route).apply(sent)), send, round);
		});
	}

	// Whether the model asks for tools that are all Java tools of the pipe (others are
	// the caller's to answer: the result goes back to it).
	private boolean wantsTools(PipeResult result) {
		Map<String, PipeTool> functions = this.options.functions();
		if (functions.isEmpty() || result.response().stopReason() != StopReason.TOOL_USE) {
			return false;
		}
		List<ToolUseBlock> uses = result.toolUses();
		return !uses.isEmpty() && uses.stream().allMatch((use) -> functions.containsKey(use.name()));
	}

	private int nextRound(PipeResult result, int rounds) {
		int max = this.options.maxToolRounds();
		if (rounds >= max) {
			throw new BedrockPipeException(FailureReason.TOOL_ROUNDS_EXCEEDED, this.modelId, result.invokedTarget(),
					result.region(), null, result.requestId(),
					"The model still asks for " + result.toolUses().stream().map(ToolUseBlock::name).toList()
							+ " after " + max + " tool rounds",
					"raise maxToolRounds (now " + max
							+ ") in the pipe's options, or make the tools' results answer what the model asks",
					null);
		}
		return rounds + 1;
	}

	/**
	 * The next request's messages.
	 * @param result the answer that asks for tools
	 * @return the conversation so far and a user turn with the results of the tools
	 */
	private List<Message> withToolResults(PipeResult result) {
		List<ContentBlock> results = new ArrayList<>();
		for (ToolUseBlock use : result.toolUses()) {
			results.add(ContentBlock.fromToolResult(this.options.functions().get(use.name()).run(use)));
		}
		List<Message> sent = new ArrayList<>(result.conversation());
		sent.add(Message.builder().role(ConversationRole.USER).content(results).build());
		return sent;
	}

}
