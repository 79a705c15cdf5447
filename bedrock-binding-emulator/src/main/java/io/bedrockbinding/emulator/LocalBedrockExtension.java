package io.bedrockbinding.emulator;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs one {@link LocalBedrock} per test class and
 * {@link LocalBedrock#reset() resets} it before each test.
 *
 * <p>
 * Register it on a static field to configure it and reach the emulator from the test:
 * <pre>{@code
 * &#64;RegisterExtension
 * static LocalBedrockExtension bedrock = new LocalBedrockExtension();
 *
 *

&#64;Test
 * void converse() {
 *     try (BedrockRuntimeClient client = bedrock.clients().runtime("us-east-1")) { ... }
 *     assertThat(bedrock.journal()).hasSize(1);
 * }
 * }</pre> or declare it and let JUnit inject the emulator ({@link LocalBedrock} or
 * {@link LocalBedrockClients}) into test methods, lifecycle methods and constructors:
 * <pre>{@code
 * &#64;ExtendWith(LocalBedrockExtension.class)
 * class MyTest {
 *
&#64;Test
 *     void converse(LocalBedrock bedrock) { ... }
 * }
 * }</pre> Nested test classes share the emulator of their enclosing class. An instance
 * field registration gets an emulator per test, stopped after it. The tests of one class
 * share its emulator and each one resets it, so they must not run concurrently with each
 * other (JUnit's default); different classes may.
 */
public class LocalBedrockExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private final LocalBedrockBuilder builder;

	private @Nullable LocalBedrock bedrock;

	/**
	 * How many test classes (an outer one and its nested ones) use the running emulator.
	 */
	private int users;

	/**
	 * Whether the running emulator was started for one test only (instance field
	 * registration).
	 */
	private boolean perTest;

	/**
	 * An extension whose emulator has the built-in catalog and the default account and
	 * region.
	 */
	public LocalBedrockExtension() {
		this(LocalBedrock.builder());
	}

	/**
	 * An extension whose emulators {@code builder} builds (one per test class).
	 * @param builder the builder of each test class's emulator
	 */
	public LocalBedrockExtension(LocalBedrockBuilder builder) {
		this.builder = Objects.requireNonNull(builder, "builder");
	}

	@Override
	public synchronized void beforeAll(ExtensionContext context) {
		if (this.bedrock == null) {
			this.bedrock = this.builder.build().start();
			this.perTest = false;
		}
		this.users++;
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (--this.users <= 0) {
			this.users = 0;
			stop();
		}
	}

	@Override
	public synchronized void beforeEach(ExtensionContext context) {
		if (this.bedrock == null) {
			// Registered on an instance field: no beforeAll, so the emulator lives for
			// this test.
			this.bedrock = this.builder.build().start();
			this.perTest = true;
		}
		this.bedrock.reset();
	}

	@Override
	public synchronized void afterEach(ExtensionContext context) {
		if (this.perTest) {
			stop();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == LocalBedrock.class || type == LocalBedrockClients.class;
	}

	@Override
	public synchronized Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		if (this.bedrock == null) {
			// A constructor or @BeforeAll parameter can be resolved before any callback
			// ran.
			this.bedrock = this.builder.build().start();
			this.perTest = false;
		}
		return (parameterContext.getParameter().getType() == LocalBedrockClients.class)
				? LocalBedrockClients.of(this.bedrock) : this.bedrock;
	}

	/**
	 * The running emulator.
	 * @return the emulator of the current test class
	 * @throws IllegalStateException outside the test class's lifecycle
	 */
	public synchronized LocalBedrock get() {
		if (this.bedrock == null) {
			throw new IllegalStateException("LocalBedrock runs only while the test class runs: "
					+ "register the extension with @RegisterExtension or @ExtendWith");
		}
		return this.bedrock;
	}

	/**
	 * SDK clients wired to the running emulator.
	 * @return the clients' factory
	 */
	public LocalBedrockClients clients() {
		return LocalBedrockClients.of(get());
	}

	/**
	 * See {@link LocalBedrock#endpoint()}.
	 * @return the endpoint URI
	 */
	public URI endpoint() {
		return get().endpoint();
	}

	/**
	 * See {@link LocalBedrock#accountId()}.
	 * @return the 12-digit account ID
	 */
	public String accountId() {
		return get().accountId();
	}

	/**
	 * See {@link LocalBedrock#journal()}.
	 * @return the journal entries
	 */
	public List<JournalEntry> journal() {
		return get().journal();
	}

	/**
	 * See {@link LocalBedrock#faults()}.
	 * @return the faults of the running emulator
	 */
	public Faults faults() {
		return get().faults();
	}

	/**
	 * See {@link LocalBedrock#promptRouters()}.
	 * @return the prompt routers of the running emulator
	 */
	public PromptRouters promptRouters() {
		return get().promptRouters();
	}

	/**
	 * See {@link LocalBedrock#guardrail(String, String)}.
	 * @param id its ID, lower-case letters and digits
	 * @param version {@code 1}, {@code 2}, ... or {@code DRAFT}
	 * @return the guardrail of the running emulator, to configure
	 */
	public LocalGuardrail guardrail(String id, String version) {
		return get().guardrail(id, version);
	}

	/**
	 * See {@link LocalBedrock#createApplicationProfile(String, String, String)}.
	 * @param name the profile's name
	 * @param modelId the catalog model ID or system profile ID it copies
	 * @param region the region it is created in
	 * @return the profile's ARN
	 */
	public String createApplicationProfile(String name, String modelId, String region) {
		return get().createApplicationProfile(name, modelId, region);
	}

	/**
	 * See {@link LocalBedrock#requireProfile(String, String)}.
	 * @param modelId the plain model ID
	 * @param region the region of the calls
	 * @return the running emulator
	 */
	public LocalBedrock requireProfile(String modelId, String region) {
		return get().requireProfile(modelId, region);
	}

	/**
	 * See {@link LocalBedrock#allowOnDemand(String, String)}.
	 * @param modelId the plain model ID
	 * @param region the region of the calls
	 * @return the running emulator
	 */
	public LocalBedrock allowOnDemand(String modelId, String region) {
		return get().allowOnDemand(modelId, region);
	}

	private void stop() {
		LocalBedrock running = this.bedrock;
		this.bedrock = null;
		this.perTest = false;
		if (running != null) {
			running.close();
		}
	}

}
