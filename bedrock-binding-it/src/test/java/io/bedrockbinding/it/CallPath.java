package io.bedrockbinding.it;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.PipeResult;

/**
 * The three ways to call a pipe, so that a test can run each of them. A failed call
 * throws the {@link BedrockPipeException} itself; for the async paths that also checks
 * that the future failed with one (and was not thrown out of the call).
 */
enum CallPath {

	EXECUTE("Converse") {
		@Override
		PipeResult call(BedrockPipe pipe, String prompt) {
			return pipe.execute(prompt);
		}
	},

	EXECUTE_ASYNC("Converse") {
		@Override
		PipeResult call(BedrockPipe pipe, String prompt) {
			return await(pipe.executeAsync(prompt));
		}
	},

	STREAM("ConverseStream") {
		@Override
		PipeResult call(BedrockPipe pipe, String prompt) {
			List<String> deltas = new CopyOnWriteArrayList<>();
			PipeResult result = await(pipe.stream(prompt, deltas::add));
			if (!String.join("", deltas).equals(result.text())) {
				throw new AssertionError("The deltas " + deltas + " do not add up to the result " + result.text());
			}
			return result;
		}
	};

	private final String api;

	CallPath(String api) {
		this.api = api;
	}

	/** Calls {@code pipe} this way and waits for the result. */
	abstract PipeResult call(BedrockPipe pipe, String prompt);

	/** The operation the emulator journals for this path. */
	String api() {
		return this.api;
	}

	static PipeResult await(CompletableFuture<PipeResult> future) {
		try {
			return future.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof BedrockPipeException failure) {
				throw failure;
			}
			throw new AssertionError("The future failed with something else than a BedrockPipeException",
					ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("No answer in 30 s", ex);
		}
	}

}
