package io.bedrockbinding.sample;

import io.bedrockbinding.emulator.LocalBedrock;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the sample app's tests against its in-process LocalBedrock share: the emulator,
 * reset before each test so that its journal and faults are the test's own.
 */
abstract class LocalBedrockTests {

	@Autowired
	private LocalBedrock localBedrock;

	@BeforeEach
	void resetEmulator() {
		this.localBedrock.reset();
	}

	/**
	 * The application's emulator.
	 * @return the LocalBedrock bean
	 */
	protected LocalBedrock localBedrock() {
		return this.localBedrock;
	}

}
