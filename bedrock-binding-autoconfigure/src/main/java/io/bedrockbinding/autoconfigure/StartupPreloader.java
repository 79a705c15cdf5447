package io.bedrockbinding.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.interceptor.BindingInterceptor;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.registry.BindingRegistry;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import org.springframework.beans.SimpleTypeConverter;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.NativeDetector;
import org.springframework.core.env.Environment;

/**
 * Warms up what the starter's start-up runs, on a thread of its own as soon as the
 * environment is ready, as Boot's own {@code BackgroundPreinitializer} does for Jackson
 * and others: it reads the built-in model catalog, so that its parsing runs while Spring
 * prepares the context instead of on the main thread when the registry is made, then
 * builds a throw-away registry (derived profiles of the configured region, an inference
 * file of three lines, validation), which loads and initialises the classes the real
 * registry's build and validation use, so that the main thread finds them ready, and asks
 * for the methods of the starter's bean types that Spring's
 * {@code EventListenerMethodProcessor} looks through once every singleton exists (the SDK
 * client interfaces name about a hundred SDK model classes, which are loaded then), and
 * converts a text to a {@code Path} as the binder of the starter's properties does. It
 * keeps nothing but the catalog (which {@link ModelCatalog#builtIn()} holds anyway): the
 * registry of the application is still built, and validated, on the main thread, from the
 * application's own settings. Does nothing in a native image, when the starter is
 * switched off, or when Boot's {@code spring.backgroundpreinitializer.ignore} system
 * property is {@code true}. Registered in {@code META-INF/spring.factories}.
 */
class StartupPreloader implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	/** A system profile, an ARN with the account template and a direct call. */
	private static final byte[] WARM_UP_FILE = ("# warm-up\n" + "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n"
			+ "deepseek.r1-v1:0=arn:aws:bedrock:us-east-2:{account}:inference-profile/us.deepseek.r1-v1:0\n"
			+ "anthropic.claude-3-haiku-20240307-v1:0=\n")
		.getBytes(StandardCharsets.UTF_8);

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Environment environment = event.getEnvironment();
		if (preloads(environment)) {
			String region = environment.getProperty("bedrock.binding.region", "us-east-1");
			Thread thread = new Thread(() -> preload(region), "bedrock-binding-preload");
			thread.setDaemon(true);
			thread.start();
		}
	}

	static boolean preloads(Environment environment) {
		// a native image has its classes ready (and no reflection data for the warm-up)
		return !NativeDetector.inNativeImage() && !Boolean.getBoolean("spring.backgroundpreinitializer.ignore")
				&& environment.getProperty("bedrock.binding.enabled", Boolean.class, true);
	}

	/**
	 * What the preloading thread does: read the catalog, then warm up the registry's
	 * code. Failures are ignored: the main thread does the same work again and reports
	 * them where they belong, when the registry is made.
	 * @param region the configured region, if any, else a region the catalog knows
	 */
	static void preload(String region) {
		try {
			ModelCatalog catalog = ModelCatalog.builtIn();
			BindingRegistry registry = BindingRegistry.builder(catalog)
				.region(region)
				.hints(BedrockBindingSettingHints.PROPERTIES)
				.build();
			registry.applyFile(InferenceFile.parse(WARM_UP_FILE, "warm-up", Clock.systemUTC()));
			registry.validate();
			// the bean types (lazy ones included) whose methods Spring looks through at
			// start-up for @EventListener; named here, not in a field, so that the main
			// thread does not load them when it makes this listener
			for (Class<?> type : new Class<?>[] { BedrockRuntimeClient.class, BedrockRuntimeAsyncClient.class,
					BindingInterceptor.class, BedrockPipeFactory.class, BindingRegistry.class }) {
				type.getDeclaredMethods();
			}
			// the property editors Boot's binder falls back on for the inference file's
			// Path (Spring loads all of its default editors at once)
			new SimpleTypeConverter().convertIfNecessary("inference.txt", Path.class);
		}
		catch (RuntimeException | LinkageError ex) {
			// ignored: see above
		}
	}

}
