package io.bedrockbinding.pipe;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * Sends one request to one resolved target: the SDK client of the route's region, the
 * route's target as the model ID, nothing retried or translated here. SDK failures come
 * out as they are (thrown, or failing the future), so that whoever wraps this (the
 * on-demand fallback, a failover along a target list) can decide what to try next.
 */
final class TargetCall {

	private final PipeContext context;

	private final String modelId;

	private final PipeRequests requests;

	TargetCall(PipeContext context, String modelId, PipeRequests requests) {
		this.context = context;
		this.modelId = modelId;
		this.requests = requests;
	}

	/**
	 * Calls Converse and waits.
	 * @param attempt where the call goes, and how many SDK attempts it may make
	 * @param messages every message to send
	 * @return the result
	 */
	PipeResult converse(TargetChain.Attempt attempt, List<Message> messages) {
		Route route = attempt.route();
		boolean fallback = attempt.appended();
		ConverseRequest request = attempt.limit(this.requests.converse(route.target().value(), messages));
		return Replies.result(this.context.clients.sync(route.region(), (client) -> client.converse(request)),
				this.modelId, route, messages, fallback, this.context.hints);
	}

	/**
	 * Calls Converse without blocking.
	 * @param attempt where the call goes, and how many SDK attempts it may make
	 * @param messages every message to send
	 * @param sent gets the SDK's future as soon as the call is made (cancelling it aborts
	 * the request)
	 * @return the result's future
	 */
	CompletableFuture<PipeResult> converseAsync(TargetChain.Attempt attempt, List<Message> messages,
			Consumer<CompletableFuture<?>> sent) {
		Route route = attempt.route();
		boolean fallback = attempt.appended();
		ConverseRequest request = attempt.limit(this.requests.converse(route.target().value(), messages));
		return this.context.clients.async(route.region(), (client) -> {
			CompletableFuture<ConverseResponse> sdkCall = client.converse(request);
			sent.accept(sdkCall);
			return sdkCall;
		})
			.thenApply((response) -> Replies.result(response, this.modelId, route, messages, fallback,
					this.context.hints));
	}

	/**
	 * Calls ConverseStream, handing the events to {@code call}'s sink.
	 * @param attempt where the call goes, and how many SDK attempts it may make
	 * @param messages every message to send
	 * @param call the stream's state (ask it whether anything reached the caller before
	 * trying elsewhere)
	 * @return the result's future
	 */
	CompletableFuture<PipeResult> converseStream(TargetChain.Attempt attempt, List<Message> messages, StreamCall call) {
		Route route = attempt.route();
		boolean fallback = attempt.appended();
		ConverseRequest request = attempt.limit(this.requests.converse(route.target().value(), messages));
		return call
			.watch(this.context.clients.async(route.region(),
					(client) -> call.send(() -> client.converseStream(PipeRequests.stream(request), call))))
			.thenApply((ignored) -> {
				if (!call.sawOutput()) {
					throw TransportErrors.noOutput(this.modelId, route, call.requestId(), this.context.hints);
				}
				try {
					return call.result(this.modelId, route, messages, fallback);
				}
				catch (StreamAnswer.MalformedToolInput ex) {
					throw ex.cutOff() ? TransportErrors.toolUseCutOff(this.modelId, route, call.requestId(), ex)
							: TransportErrors.unreadable(this.modelId, route, call.requestId(), ex, this.context.hints);
				}
			});
	}

	/**
	 * A new stream state for one call.
	 * @param sink where its events go
	 * @return the state
	 */
	StreamCall stream(StreamSink sink) {
		return new StreamCall(sink, this.context.timeouts, this.context.clock);
	}

}
