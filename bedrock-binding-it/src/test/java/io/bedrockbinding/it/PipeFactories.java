package io.bedrockbinding.it;

import java.util.ArrayList;
import java.util.List;

import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The pipe factories (and other clients) a test makes, closed after it: register one per
 * test class next to its {@link LocalBedrockExtension}, as an instance field so that
 * every test has its own.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final LocalBedrockExtension bedrock = new LocalBedrockExtension();
 *
 * &#64;RegisterExtension
 * final PipeFactories factories = new PipeFactories(bedrock);
 * </pre>
 */
final class PipeFactories implements AfterEachCallback {

	private final LocalBedrockExtension bedrock;

	private final List<AutoCloseable> open = new ArrayList<>();

	PipeFactories(LocalBedrockExtension bedrock) {
		this.bedrock = bedrock;
	}

	/**
	 * A factory of {@code registry} over clients of the running emulator that do not
	 * retry ({@link Fixture#factory}), closed after the test.
	 * @param registry the registry the factory's pipes resolve with
	 * @return the factory
	 */
	BedrockPipeFactory of(BindingRegistry registry) {
		return track(Fixture.factory(this.bedrock.get(), registry).build());
	}

	/**
	 * A factory of a registry for {@code region} that derives geo profiles
	 * ({@link Fixture#registry(String)}), closed after the test.
	 * @param region the configured region
	 * @return the factory
	 */
	BedrockPipeFactory of(String region) {
		return of(Fixture.registry(region));
	}

	/**
	 * Closes {@code closeable} after the test, in the order things were tracked.
	 * @param <T> its type
	 * @param closeable a factory or client the test built itself
	 * @return {@code closeable}
	 */
	<T extends AutoCloseable> T track(T closeable) {
		this.open.add(closeable);
		return closeable;
	}

	@Override
	public void afterEach(ExtensionContext context) throws Exception {
		try {
			for (AutoCloseable closeable : this.open) {
				closeable.close();
			}
		}
		finally {
			this.open.clear();
		}
	}

}
