package io.bedrockbinding.emulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The JUnit extension's lifecycle, checked by running fixture classes with the engine
 * test kit.
 */
class LocalBedrockExtensionTests {

	@BeforeEach
	void forgetSeenEmulators() {
		ExtensionFixtures.SEEN.clear();
	}

	@Test
	void staticFieldRegistrationRunsOneEmulatorPerClassAndResetsItPerTest() {
		run(ExtensionFixtures.StaticField.class).assertStatistics((stats) -> stats.started(2).succeeded(2));

		assertThat(ExtensionFixtures.SEEN).hasSize(2);
		assertThat(ExtensionFixtures.SEEN.get(0)).isSameAs(ExtensionFixtures.SEEN.get(1));
		assertThat(ExtensionFixtures.SEEN.get(0).isRunning()).as("stopped after the class").isFalse();
		assertThatIllegalStateException().isThrownBy(ExtensionFixtures.StaticField.bedrock::get);
	}

	@Test
	void declarativeRegistrationInjectsTheEmulatorIntoConstructorsAndMethods() {
		run(ExtensionFixtures.Declared.class).assertStatistics((stats) -> stats.started(3).succeeded(3));

		assertThat(ExtensionFixtures.SEEN).hasSize(3).containsOnly(ExtensionFixtures.SEEN.get(0));
		assertThat(ExtensionFixtures.SEEN.get(0).isRunning()).as("stopped after the class").isFalse();
	}

	@Test
	void eachTestClassGetsItsOwnEmulator() {
		run(ExtensionFixtures.StaticField.class).assertStatistics((stats) -> stats.succeeded(2));
		run(ExtensionFixtures.Declared.class).assertStatistics((stats) -> stats.succeeded(3));

		assertThat(ExtensionFixtures.SEEN.get(0)).isNotSameAs(ExtensionFixtures.SEEN.get(2));
	}

	@Test
	void instanceFieldRegistrationRunsAnEmulatorPerTest() {
		run(ExtensionFixtures.InstanceField.class).assertStatistics((stats) -> stats.started(2).succeeded(2));

		assertThat(ExtensionFixtures.SEEN).hasSize(2);
		assertThat(ExtensionFixtures.SEEN.get(0)).isNotSameAs(ExtensionFixtures.SEEN.get(1));
		assertThat(ExtensionFixtures.SEEN).noneMatch(LocalBedrock::isRunning);
	}

	private static Events run(Class<?> testClass) {
		return EngineTestKit.engine("junit-jupiter")
			.selectors(DiscoverySelectors.selectClass(testClass))
			.execute()
			.testEvents();
	}

}
