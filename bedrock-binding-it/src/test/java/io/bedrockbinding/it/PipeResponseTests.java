package io.bedrockbinding.it;

import io.bedrockbinding.emulator.BrokenAnswer;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.FailureReason;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Answers spoiled on the wire: each is named for what went wrong, with a fix. */
class PipeResponseTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	final PipeFactories factories = new PipeFactories(bedrock);

	private BedrockPipeException failure(CallPath path, BrokenAnswer broken) {
		BedrockPipeFactory factory = this.factories.of("us-east-1");
		bedrock.faults().breakNext(1, broken);
		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class,
				() -> path.call(factory.pipe(Fixture.LLAMA), "hi"));
		assertThat(failure).as("the call should have failed").isNotNull();
		assertThat(failure.region()).isEqualTo("us-east-1");
		return failure;
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void anAnswerWithoutOutputIsAnErrorNamingTheRequest(CallPath path) {
		BedrockPipeException failure = failure(path, BrokenAnswer.EMPTY_OUTPUT);

		assertThat(failure.reason()).isEqualTo(FailureReason.MALFORMED_RESPONSE);
		assertThat(failure.requestId()).isNotBlank();
		assertThat(failure.getMessage()).contains("no output", failure.requestId());
		assertThat(failure.fix()).contains("retry");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void aMalformedAnswerIsNamed(CallPath path) {
		BedrockPipeException failure = failure(path, BrokenAnswer.MALFORMED);

		assertThat(failure.reason()).isEqualTo(FailureReason.MALFORMED_RESPONSE);
		assertThat(failure.fix()).contains("ClientSettings.endpoint", "proxy");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void aTruncatedAnswerIsAClosedConnection(CallPath path) {
		BedrockPipeException failure = failure(path, BrokenAnswer.TRUNCATED);

		assertThat(failure.reason()).isEqualTo(FailureReason.CONNECTION_CLOSED);
		assertThat(failure.fix()).contains("retry");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void aConnectionClosedWithoutAnswerIsNamed(CallPath path) {
		BedrockPipeException failure = failure(path, BrokenAnswer.CONNECTION_CLOSED);

		assertThat(failure.reason()).isEqualTo(FailureReason.CONNECTION_CLOSED);
		assertThat(failure.fix()).contains("retry");
	}

}
