package io.bedrockbinding.it;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;

/**
 * An async HTTP client that keeps the future of every exchange it starts and, if asked,
 * of every request body it has written to the connection.
 */
final class Exchanges implements SdkAsyncHttpClient {

	private final SdkAsyncHttpClient http;

	private final List<CompletableFuture<Void>> exchanges;

	private final List<CompletableFuture<Void>> sent;

	Exchanges(SdkAsyncHttpClient http, List<CompletableFuture<Void>> exchanges) {
		this(http, exchanges, new CopyOnWriteArrayList<>());
	}

	/**
	 * Also keeps, per exchange, a future completed when its whole request body is written
	 * to the connection: a request cancelled after that has reached the server.
	 * @param http the client that makes the exchanges
	 * @param exchanges where the futures of the exchanges go
	 * @param sent where the futures of the written request bodies go
	 */
	Exchanges(SdkAsyncHttpClient http, List<CompletableFuture<Void>> exchanges, List<CompletableFuture<Void>> sent) {
		this.http = http;
		this.exchanges = exchanges;
		this.sent = sent;
	}

	@Override
	public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
		CompletableFuture<Void> written = new CompletableFuture<>();
		this.sent.add(written);
		AsyncExecuteRequest.Builder tracked = AsyncExecuteRequest.builder()
			.request(request.request())
			.requestContentPublisher(new Written(request.requestContentPublisher(), written))
			.responseHandler(request.responseHandler())
			.fullDuplex(request.fullDuplex())
			.httpExecutionAttributes(request.httpExecutionAttributes());
		request.metricCollector().ifPresent(tracked::metricCollector);
		CompletableFuture<Void> exchange = this.http.execute(tracked.build());
		this.exchanges.add(exchange);
		return exchange;
	}

	@Override
	public String clientName() {
		return this.http.clientName();
	}

	@Override
	public void close() {
		this.http.close();
	}

	/** A request body that completes a future when its subscriber has all of it. */
	private record Written(SdkHttpContentPublisher body,
			CompletableFuture<Void> written) implements SdkHttpContentPublisher {

		@Override
		public Optional<Long> contentLength() {
			return this.body.contentLength();
		}

		@Override
		public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
			this.body.subscribe(new Subscriber<ByteBuffer>() {

				@Override
				public void onSubscribe(Subscription subscription) {
					subscriber.onSubscribe(subscription);
				}

				@Override
				public void onNext(ByteBuffer bytes) {
					subscriber.onNext(bytes);
				}

				@Override
				public void onError(Throwable failure) {
					subscriber.onError(failure);
				}

				@Override
				public void onComplete() {
					subscriber.onComplete();
					Written.this.written.complete(null);
				}

			});
		}

	}

}
