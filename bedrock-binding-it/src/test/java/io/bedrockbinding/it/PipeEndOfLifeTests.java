package io.bedrockbinding.it;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.bedrockbinding.catalog.Geographies;
import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.Lifecycle;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A call that Bedrock (here LocalBedrock, past the model's end of life by its clock)
 * refuses for end of life fails with {@link FailureReason#END_OF_LIFE} and a fix that
 * names the successor and the binding that reaches it.
 */
class PipeEndOfLifeTests {

	private static final String GONE = "acme.gone-v1:0";

	private static final String NEXT = "acme.next-v3:0";

	private static final String ORPHAN = "acme.orphan-v1:0";

	private static final Clock AFTER_END_OF_LIFE = Clock.fixed(Instant.parse("2026-07-01T08:00:00Z"), ZoneOffset.UTC);

	private static final ModelCatalog CATALOG = catalog();

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(CATALOG).clock(AFTER_END_OF_LIFE));

	@RegisterExtension
	final PipeFactories factories = new PipeFactories(bedrock);

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void endOfLifeRefusalNamesTheSuccessorAndItsProfile(CallPath path) {
		BedrockPipeFactory factory = this.factories.of(registry());

		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class,
				() -> path.call(factory.pipe(GONE), "hi"));

		assertThat(failure).isNotNull();
		assertThat(failure.reason()).isEqualTo(FailureReason.END_OF_LIFE);
		assertThat(failure.errorCode()).isEqualTo("ResourceNotFoundException");
		assertThat(failure.getMessage()).contains("This model version has reached the end of its life.");
		assertThat(failure.fix()).startsWith("move to " + NEXT + ", AWS's recommended successor of " + GONE)
			.contains("\n    " + GONE + "=us." + NEXT);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void endOfLifeWithoutASuccessorSaysSo(CallPath path) {
		BedrockPipeFactory factory = this.factories.of(registry());

		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class,
				() -> path.call(factory.pipe(ORPHAN), "hi"));

		assertThat(failure.reason()).isEqualTo(FailureReason.END_OF_LIFE);
		assertThat(failure.fix()).contains("move to an active model").contains("names no successor for " + ORPHAN);
	}

	private static BindingRegistry registry() {
		return BindingRegistry.builder(CATALOG).region("us-east-1").clock(AFTER_END_OF_LIFE).build();
	}

	private static ModelCatalog catalog() {
		List<String> text = List.of("TEXT");
		List<String> east = List.of("us-east-1");
		Lifecycle gone = new Lifecycle(Lifecycle.Status.LEGACY, null, null, LocalDate.of(2026, 6, 30), NEXT);
		Lifecycle orphan = new Lifecycle(Lifecycle.Status.LEGACY, null, null, LocalDate.of(2026, 6, 30), null);
		return new ModelCatalog(List.of(
				new ModelInfo(GONE, "acme", "Acme Gone", east, List.of(), List.of(), false, true, text, text, null,
						false, gone, List.of()),
				new ModelInfo(ORPHAN, "acme", "Acme Orphan", east, List.of(), List.of(), false, true, text, text, null,
						false, orphan, List.of()),
				new ModelInfo(NEXT, "acme", "Acme Next", List.of(), east, List.of("us"), true, true, text, text)),
				new Geographies(List.of(new Geography("us", List.of("us-east-1", "us-west-2")))));
	}

}
