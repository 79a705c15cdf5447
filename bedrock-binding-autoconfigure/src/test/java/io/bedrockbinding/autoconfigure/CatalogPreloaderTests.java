package io.bedrockbinding.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The background read of the built-in catalog: registered for every Spring Boot
 * application, and off where the starter is off.
 */
class CatalogPreloaderTests {

	@Test
	void isRegisteredAsAnApplicationListener() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class))
			.hasAtLeastOneElementOfType(CatalogPreloader.class);
	}

	@Test
	void preloadsByDefault() {
		assertThat(CatalogPreloader.preloads(new MockEnvironment())).isTrue();
	}

	@Test
	void doesNothingWhenTheStarterIsSwitchedOff() {
		assertThat(CatalogPreloader.preloads(new MockEnvironment().withProperty("bedrock.binding.enabled", "false")))
			.isFalse();
	}

	@Test
	void doesNothingWhenBootsBackgroundPreinitializationIsSwitchedOff() {
		System.setProperty("spring.backgroundpreinitializer.ignore", "true");
		try {
			assertThat(CatalogPreloader.preloads(new MockEnvironment())).isFalse();
		}
		finally {
			System.clearProperty("spring.backgroundpreinitializer.ignore");
		}
	}

}
