package io.bedrockbinding.it;

import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.pipe.PipeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The regions a pipe is given: a value that is no region name is refused at once, a
 * well-formed region the SDK does not know is taken, and its failures say so.
 */
class PipeRegionTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	final PipeFactories factories = new PipeFactories(bedrock);

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "US-EAST-1|a region name is 1 to 20 of a-z, 0-9 and '-'; use us-east-1",
			"' us-east-1'|a region name is 1 to 20 of a-z, 0-9 and '-'; use us-east-1",
			"eu_west_1|a region name is 1 to 20 of a-z, 0-9 and '-'; use eu-west-1",
			"nowhere-1|no AWS partition has region names of that shape; use a region such as us-east-1 or eu-west-1",
			"''|a region name is 1 to 20 of a-z, 0-9 and '-'; use a region such as us-east-1 or eu-west-1" })
	void aValueThatIsNoRegionNameIsRefusedAtOnceNamingItAndTheFix(String region, String why) {
		BedrockPipe pipe = this.factories.of("us-east-1").pipe(Fixture.LLAMA);
		String message = "The region '" + region + "' (the pipe's region, withRegion) is not an AWS region name: "
				+ why;

		assertThatIllegalArgumentException().isThrownBy(() -> pipe.withRegion(region)).withMessage(message);
		assertThatIllegalArgumentException().isThrownBy(() -> PipeOptions.builder().region(region))
			.withMessage(message);
		assertThatIllegalArgumentException().isThrownBy(() -> pipe.with((o) -> o.region(region))).withMessage(message);
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> this.factories.of("us-east-1").embeddings("amazon.titan-embed-text-v2:0").withRegion(region))
			.withMessageContaining("The region '" + region + "' (the embeddings' region, withRegion)");
		assertThat(bedrock.get().journal()).isEmpty();
	}

	@Test
	void aFactoryRegionThatIsNoRegionNameIsRefusedWhenTheFactoryIsBuilt() {
		BedrockPipeFactory.Builder builder = Fixture.factory(bedrock.get(), Fixture.registry("us-east-1"))
			.region("Eu-West-1");

		assertThatIllegalArgumentException().isThrownBy(builder::build)
			.withMessageStartingWith("The region 'Eu-West-1' (AWS_REGION or the region of BindingRegistry.builder")
			.withMessageEndingWith(
					"is not an AWS region name: a region name is 1 to 20 of a-z, 0-9 and '-'; " + "use eu-west-1");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void aWellFormedRegionTheSdkDoesNotKnowIsTakenAndItsFailureSaysSo(CallPath path) {
		// the shape of the aws partition's region names, but no region the SDK lists
		BedrockPipe pipe = this.factories.of("us-east-1").pipe(Fixture.LLAMA).withRegion("us-north-9");

		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class, () -> path.call(pipe, "hi"));

		assertThat(failure).as("the call should have failed").isNotNull();
		assertThat(failure.reason()).isEqualTo(FailureReason.UNKNOWN_MODEL);
		assertThat(failure.region()).isEqualTo("us-north-9");
		assertThat(failure.getMessage()).contains("(the region us-north-9 is not one the AWS SDK knows)");
		assertThat(failure.fix()).startsWith("check the region's spelling: us-north-9 is not one the AWS SDK knows "
				+ "(a region newer than the SDK needs a newer SDK); if it is right, check the model ID");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void aFailureInARegionTheSdkKnowsSaysNothingOfTheRegion(CallPath path) {
		BedrockPipe pipe = this.factories.of("us-east-1").pipe("amazon.nova-pro-v9:0");

		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class, () -> path.call(pipe, "hi"));

		assertThat(failure).as("the call should have failed").isNotNull();
		assertThat(failure.reason()).isEqualTo(FailureReason.UNKNOWN_MODEL);
		assertThat(failure.getMessage()).doesNotContain("not one the AWS SDK knows");
	}

}
