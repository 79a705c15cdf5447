package io.bedrockbinding.autoconfigure;

import io.bedrockbinding.catalog.ModelCatalog;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Reads the built-in model catalog on a thread of its own as soon as the environment is
 * ready, so that its parsing (the largest piece of the starter's start-up) runs while
 * Spring prepares the context instead of on the main thread when the registry is made, as
 * Boot's own {@code BackgroundPreinitializer} does for Jackson and others. Does nothing
 * when the starter is switched off, or when Boot's
 * {@code spring.backgroundpreinitializer.ignore} system property is {@code true}.
 * Registered in {@code META-INF/spring.factories}.
 */
class CatalogPreloader implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (preloads(event.getEnvironment())) {
			Thread thread = new Thread(CatalogPreloader::preload, "bedrock-binding-catalog");
			thread.setDaemon(true);
			thread.start();
		}
	}

	static boolean preloads(Environment environment) {
		return !Boolean.getBoolean("spring.backgroundpreinitializer.ignore")
				&& environment.getProperty("bedrock.binding.enabled", Boolean.class, true);
	}

	private static void preload() {
		try {
			ModelCatalog.builtIn();
		}
		catch (RuntimeException | LinkageError ex) {
			// The main thread reads the catalog again and reports the failure where
			// it belongs, when the registry is made.
		}
	}

}
