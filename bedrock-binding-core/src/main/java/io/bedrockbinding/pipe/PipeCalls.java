package io.bedrockbinding.pipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * The calls of one pipe: each model call resolves its chain of targets, is observed, and
 * goes to the targets in order ({@link TargetChain}, each attempt a {@link TargetCall})
 * until one answers or a failure is the caller's; failures become
 * {@link BedrockPipeException}s. When the options hold Java tools, a call is a tool loop:
 * it runs the tools the model asks for, sends their results back, and ends when the model
 * ends its turn.
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
			result = converse(withToolResults(result, null));
		}
		return (rounds > 0) ? Replies.afterRounds(result, rounds) : result;
	}

	CompletableFuture<PipeResult> executeAsync(List<Message> turn) {
		Cancel cancel = new Cancel();
		return cancel.of(loop(this.requests.messages(turn), cancel, (chain) -> (sent) -> chain
			.executeAsync((attempt) -> asyncAttempt(attempt, sent, cancel), this::translate)));
	}

	CompletableFuture<PipeResult> stream(List<Message> turn, StreamSink sink) {
		Cancel cancel = new Cancel();
		// whether a round handed anything to the caller: no later round fails over then
		AtomicBoolean spoke = new AtomicBoolean();
		return cancel.of(loop(this.requests.messages(turn), cancel, (chain) -> (sent) -> chain
			.executeAsync((attempt) -> streamAttempt(attempt, sent, sink, cancel, spoke), this::translate)));
	}

	// ---- one model call, along the binding's chain ------------------------------------

	private PipeResult converse(List<Message> sent) {
		TargetChain chain = chain();
		PipeObserver.Call call = this.context.observer.start(this.modelId, chain.first().target().kind(),
				chain.first().region());
		try {
			PipeResult result = chain.execute((attempt) -> this.target.converse(attempt, sent), this::translate);
			call.succeeded(result);
			return result;
		}
		catch (BedrockPipeException ex) {
			call.failed(ex);
			throw ex;
		}
	}

	private CompletableFuture<PipeResult> asyncAttempt(TargetChain.Attempt attempt, List<Message> sent, Cancel cancel) {
		if (cancel.isCancelled()) {
			return CompletableFuture.failedFuture(TargetChain.surface(new CancellationException("cancelled")));
		}
		return this.target.converseAsync(attempt, sent, (sdkCall) -> {
			// a cancel since the check above: the request is aborted as soon as it exists
			if (!cancel.track(() -> sdkCall.cancel(true))) {
				sdkCall.cancel(true);
			}
		});
	}

	private CompletableFuture<PipeResult> streamAttempt(TargetChain.Attempt attempt, List<Message> sent,
			StreamSink sink, Cancel cancel, AtomicBoolean spoke) {
		StreamCall call = this.target.stream(sink);
		if (!cancel.track(() -> call.fail(new CancellationException("The caller cancelled the stream")))) {
			return CompletableFuture.failedFuture(TargetChain.surface(new CancellationException("cancelled")));
		}
		return this.target.converseStream(attempt, sent, call).handle((result, failure) -> {
			if (call.sawText()) {
				spoke.set(true);
			}
			if (failure == null) {
				return result;
			}
			// text reached the caller, in this round or an earlier one: another target's
			// reply would repeat or mix it
			throw spoke.get() ? TargetChain.surface(failure)
					: (failure instanceof RuntimeException runtime) ? runtime : new CompletionException(failure);
		});
	}

	/**
	 * One observed model call without blocking.
	 * @param send sends the call along the chain
	 * @return the result's future, failed only with a {@link BedrockPipeException}
	 */
	private CompletableFuture<PipeResult> observed(Function<TargetChain, CompletableFuture<PipeResult>> send) {
		TargetChain chain;
		try {
			chain = chain();
		}
		catch (BedrockPipeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		PipeObserver.Call call = this.context.observer.start(this.modelId, chain.first().target().kind(),
				chain.first().region());
		CompletableFuture<PipeResult> sent;
		try {
			sent = send.apply(chain);
		}
		catch (RuntimeException ex) {
			// e.g. the clients were closed: an async call reports through its future,
			// never by throwing, and names where it was to go, as a sync call does
			sent = CompletableFuture.failedFuture(translate(ex, firstRoute(chain)));
		}
		// The caller's future fails with the same BedrockPipeException the observer saw,
		// even when something threw inside the SDK future's callbacks.
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
				BedrockPipeException exception = translate(failure, null);
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

	private static @Nullable Route firstRoute(TargetChain chain) {
		try {
			return chain.firstRoute();
		}
		catch (RuntimeException ex) {
			// a template that cannot be filled in: the failure names no target
			return null;
		}
	}

	private TargetChain chain() {
		try {
			return this.context.chain(this.modelId, this.options.region());
		}
		catch (RuntimeException ex) {
			throw translate(ex, null);
		}
	}

	private BedrockPipeException translate(Throwable failure, @Nullable Route route) {
		return this.context.errors.translate(failure, this.modelId, route,
				(this.options.timeout() != null) ? this.options.timeout() : this.context.timeouts.apiCall(),
				this.options.timeout() != null);
	}

	// ---- the tool loop -------------------------------------------------------------

	private CompletableFuture<PipeResult> loop(List<Message> sent, Cancel cancel,
			Function<TargetChain, Function<List<Message>, CompletableFuture<PipeResult>>> send) {
		return next(observed((chain) -> send.apply(chain).apply(sent)), cancel, send, 0);
	}

	private CompletableFuture<PipeResult> next(CompletableFuture<PipeResult> call, Cancel cancel,
			Function<TargetChain, Function<List<Message>, CompletableFuture<PipeResult>>> send, int rounds) {
		return call.thenCompose((result) -> {
			if (!wantsTools(result)) {
				return CompletableFuture.completedFuture((rounds > 0) ? Replies.afterRounds(result, rounds) : result);
			}
			int round;
			List<Message> sent;
			try {
				round = nextRound(result, rounds);
				sent = withToolResults(result, cancel);
			}
			catch (BedrockPipeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
			return next(observed((chain) -> send.apply(chain).apply(sent)), cancel, send, round);
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
	 * @param cancel the cancel of an asynchronous call, checked before each tool runs, or
	 * {@code null} for a synchronous one
	 * @return the conversation so far and a user turn with the results of the tools
	 */
	private List<Message> withToolResults(PipeResult result, @Nullable Cancel cancel) {
		List<ContentBlock> results = new ArrayList<>();
		for (ToolUseBlock use : result.toolUses()) {
			if (cancel != null && cancel.isCancelled()) {
				// no other tool runs; the next request is refused unsent, and observed so
				break;
			}
			results.add(ContentBlock.fromToolResult(this.options.functions().get(use.name()).run(use)));
		}
		List<Message> sent = new ArrayList<>(result.conversation());
		sent.add(Message.builder().role(ConversationRole.USER).content(results).build());
		return sent;
	}

	/**
	 * The cancel of one asynchronous call (a stream or an {@code executeAsync}): the
	 * caller stopped waiting for its future (cancelled it, or completed it first, as
	 * {@code orTimeout} does), so the request under way is aborted, and no other target,
	 * tool or tool round starts.
	 */
	private static final class Cancel {

		private @Nullable Runnable abortCurrent;

		private boolean cancelled;

		/**
		 * The caller's future of {@code call}: completed with its outcome, and, when the
		 * caller completes it first (a cancel, {@code orTimeout}, {@code complete}),
		 * cancelling the call. The call's own future is derived from the requests, so
		 * nothing done to it would reach them by itself.
		 * @param call the call's future
		 * @return the caller's future
		 */
		CompletableFuture<PipeResult> of(CompletableFuture<PipeResult> call) {
			CompletableFuture<PipeResult> caller = new CompletableFuture<>();
			call.whenComplete((result, failure) -> {
				if (failure != null) {
					caller.completeExceptionally(failure);
				}
				else {
					caller.complete(result);
				}
			});
			caller.whenComplete((result, failure) -> {
				if (!call.isDone()) {
					cancel();
				}
			});
			return caller;
		}

		/**
		 * Makes {@code abort} the way to stop the request under way.
		 * @param abort stops it
		 * @return false if the call is cancelled already (the caller runs nothing)
		 */
		synchronized boolean track(Runnable abort) {
			this.abortCurrent = abort;
			return !this.cancelled;
		}

		synchronized boolean isCancelled() {
			return this.cancelled;
		}

		void cancel() {
			Runnable abort;
			synchronized (this) {
				this.cancelled = true;
				abort = this.abortCurrent;
			}
			if (abort != null) {
				abort.run();
			}
		}

	}

}
