package io.bedrockbinding.it;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/** An async HTTP client that keeps the future of every exchange it starts. */
final class Exchanges implements SdkAsyncHttpClient {

	private final SdkAsyncHttpClient http;

	private final List<CompletableFuture<Void>> exchanges;

	Exchanges(SdkAsyncHttpClient http, List<CompletableFuture<Void>> exchanges) {
		this.http = http;
		this.exchanges = exchanges;
	}

	@Override
	public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
		CompletableFuture<Void> exchange = this.http.execute(request);
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

}
