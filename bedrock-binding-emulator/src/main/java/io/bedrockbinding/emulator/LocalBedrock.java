package io.bedrockbinding.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import org.jspecify.annotations.Nullable;

/**
 * An in-process Bedrock emulator on loopback that the real AWS SDK clients talk to
 * through {@code endpointOverride}: bedrock-runtime (Converse, ConverseStream,
 * InvokeModel), the bedrock control plane (ListFoundationModels, GetFoundationModel,
 * ListInferenceProfiles, GetInferenceProfile) and STS GetCallerIdentity on one HTTP
 * server. It behaves as Bedrock does for the models of its {@link ModelCatalog}: a model
 * that needs an inference profile is refused by its plain ID, profiles must serve the
 * caller's region, ARNs must be of the caller's region and account. The region of each
 * call is the one the caller signed for (SigV4 credential scope); bearer-token (API key)
 * calls get the default region.
 *
 * <pre>{@code
 * try (LocalBedrock bedrock = LocalBedrock.builder().build().start();
 *      BedrockRuntimeClient client = LocalBedrockClients.of(bedrock).runtime("us-east-1")) {
 *     client.converse(...);
 *     assertThat(bedrock.journal()).hasSize(1);
 * }
 * }</pre>
 *
 * Thread-safe. Tests can inject faults ({@link #faults()}), read the request journal
 * ({@link #journal()}), create application inference profiles and override which models
 * need a profile; {@link #reset()} forgets all of that.
 *
 * <p>
 * The server is the JDK's {@code com.sun.net.httpserver} on 127.0.0.1. Loading this class
 * sets {@code sun.net.httpserver.nodelay=true} unless it is set already; without it every
 * small answer arrives ~40 ms late. The JDK reads the property once, when its first
 * server starts: if something else in the JVM starts a JDK HTTP server before
 * LocalBedrock loads, pass {@code -Dsun.net.httpserver.nodelay=true} on the command line.
 */
public final class LocalBedrock implements AutoCloseable {

	static {
		// Else ~40 ms late answers (Nagle + delayed ACK); read once, by the first server.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	/** The account ID a builder uses unless told otherwise. */
	public static final String DEFAULT_ACCOUNT_ID = "111122223333";

	/** The region a builder uses for bearer-token calls unless told otherwise. */
	public static final String DEFAULT_REGION = "us-east-1";

	private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,20}");

	private static final AtomicInteger INSTANCES = new AtomicInteger();

	private final ModelCatalog catalog;

	private final String accountId;

	private final String defaultRegion;

	private final int requestedPort;

	private final Journal journal;

	private final Faults faults = new Faults();

	private final ModelAccess access;

	private final ApplicationProfiles applicationProfiles;

	private final ConverseState converse;

	private final Router router;

	private @Nullable HttpServer server;

	private @Nullable ExecutorService executor;

	private boolean closed;

	/**
	 * The emulator a builder configured.
	 * @param builder the settings
	 * @return a new, stopped emulator
	 */
	static LocalBedrock of(LocalBedrockBuilder builder) {
		return new LocalBedrock(builder);
	}

	private LocalBedrock(LocalBedrockBuilder builder) {
		this.catalog = builder.catalog;
		this.accountId = builder.accountId;
		this.defaultRegion = builder.defaultRegion;
		this.requestedPort = builder.port;
		this.access = new ModelAccess(builder.clock);
		this.journal = new Journal(builder.journalLimit);
		this.applicationProfiles = new ApplicationProfiles(this.catalog, this.accountId);
		this.converse = new ConverseState(this.accountId);
		TargetResolver resolver = new TargetResolver(this.catalog, this.access, this.applicationProfiles,
				this.accountId);
		this.router = new Router(new RuntimeApi(resolver, this.faults, this.converse),
				new ControlPlaneApi(this.catalog, this.access, this.applicationProfiles, this.accountId),
				new StsApi(this.accountId), this.faults, this.journal, this.defaultRegion);
	}

	/**
	 * A builder with the built-in catalog, account {@value #DEFAULT_ACCOUNT_ID} and
	 * region {@value #DEFAULT_REGION}.
	 * @return a new builder
	 */
	public static LocalBedrockBuilder builder() {
		return new LocalBedrockBuilder();
	}

	/**
	 * Starts the server on 127.0.0.1, on the builder's port or a free one.
	 * @return this
	 * @throws IllegalStateException when it is running already or was closed
	 * @throws UncheckedIOException when the port cannot be bound
	 */
	public synchronized LocalBedrock start() {
		if (this.closed) {
			throw new IllegalStateException("This LocalBedrock was closed; build a new one");
		}
		if (this.server != null) {
			throw new IllegalStateException("LocalBedrock is running already on " + endpoint());
		}
		HttpServer created;
		try {
			created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.requestedPort),
					512);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("LocalBedrock could not bind 127.0.0.1:" + this.requestedPort, ex);
		}
		ExecutorService pool = newExecutor();
		created.createContext("/", this.router);
		created.setExecutor(pool);
		created.start();
		this.server = created;
		this.executor = pool;
		return this;
	}

	// A thread per concurrent request, created on demand: streams hold their thread.
	private static ExecutorService newExecutor() {
		int instance = INSTANCES.incrementAndGet();
		AtomicInteger threads = new AtomicInteger();
		ThreadFactory factory = (task) -> {
			Thread thread = new Thread(task, "local-bedrock-" + instance + "-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
	}

	/**
	 * Whether the server is running.
	 * @return whether it is running
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * {@code http://127.0.0.1:PORT}, for {@code endpointOverride}.
	 * @return the endpoint URI
	 */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + port());
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 * @throws IllegalStateException when it is not running
	 */
	public synchronized int port() {
		if (this.server == null) {
			throw new IllegalStateException("LocalBedrock is not running: call start() first");
		}
		return this.server.getAddress().getPort();
	}

	/**
	 * The account every caller belongs to (STS, ARNs).
	 * @return the 12-digit account ID
	 */
	public String accountId() {
		return this.accountId;
	}

	/**
	 * The region of bearer-token (API key) calls, which name none.
	 * @return the default region
	 */
	public String defaultRegion() {
		return this.defaultRegion;
	}

	/**
	 * The catalog that drives the emulator.
	 * @return the catalog
	 */
	public ModelCatalog catalog() {
		return this.catalog;
	}

	/** Stops the server for good, as {@link #close()} does. */
	public void stop() {
		close();
	}

	/** Stops the server at once, ending open connections and streams. Idempotent. */
	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	/**
	 * Forgets the journal, injected faults, created application profiles, guardrails, the
	 * prompt cache and per-test overrides.
	 */
	public void reset() {
		this.journal.clear();
		this.converse.clear();
		this.faults.clear();
		this.applicationProfiles.clear();
		this.access.clear();
	}

	/**
	 * The requests answered so far, oldest first (the last
	 * {@link Builder#journalLimit(int)} of them).
	 * @return the journal entries
	 */
	public List<JournalEntry> journal() {
		return this.journal.snapshot();
	}

	/**
	 * The journal entries of one operation, e.g. {@code "Converse"}.
	 * @param api the operation, such as {@code "Converse"}
	 * @return its entries, oldest first
	 */
	public List<JournalEntry> journal(String api) {
		return this.journal.snapshot().stream().filter((entry) -> entry.api().equals(api)).toList();
	}

	/**
	 * Fault injection: failing calls, added latency, broken streams.
	 * @return the faults of this emulator
	 */
	public Faults faults() {
		return this.faults;
	}

	/**
	 * The guardrail {@code id} at {@code version}, created on first use, for Converse
	 * calls whose {@code guardrailConfig} names it (until {@link #reset()}).
	 * @param id its ID, lower-case letters and digits
	 * @param version {@code 1}, {@code 2}, ... or {@code DRAFT}
	 * @return the guardrail, to configure
	 */
	public LocalGuardrail guardrail(String id, String version) {
		return this.converse.guardrails().define(id, version);
	}

	/**
	 * Creates an application inference profile, as CreateInferenceProfile would.
	 * @param name its name, unique in the region
	 * @param modelId a catalog model ID (the profile routes to the region itself) or a
	 * system profile ID such as {@code us.amazon.nova-pro-v1:0} (the profile routes to
	 * the geography's regions)
	 * @param region the region it lives in and must be called from
	 * @return its ARN,
	 * {@code arn:aws:bedrock:REGION:ACCOUNT:application-inference-profile/ID}
	 * @throws IllegalArgumentException for an unknown model or a name in use
	 */
	public String createApplicationProfile(String name, String modelId, String region) {
		return this.applicationProfiles.create(name, modelId, requireRegion(region)).arn();
	}

	/**
	 * Creates an application inference profile in the {@link #defaultRegion() default
	 * region}.
	 * @param name the profile's name
	 * @param modelId the catalog model ID or system profile ID it copies
	 * @return the profile's ARN
	 */
	public String createApplicationProfile(String name, String modelId) {
		return createApplicationProfile(name, modelId, this.defaultRegion);
	}

	/**
	 * Makes calls of the plain {@code modelId} from {@code region} fail with the
	 * on-demand refusal, whatever the catalog says, until {@link #reset()}.
	 * @param modelId the plain model ID
	 * @param region the region of the calls
	 * @return this
	 */
	public LocalBedrock requireProfile(String modelId, String region) {
		this.access.requireProfile(requireModel(modelId), requireRegion(region));
		return this;
	}

	/**
	 * {@link #requireProfile(String, String)} in every region.
	 * @param modelId the plain model ID
	 * @return this
	 */
	public LocalBedrock requireProfile(String modelId) {
		this.access.requireProfile(requireModel(modelId), null);
		return this;
	}

	/**
	 * Lets calls of the plain {@code modelId} from {@code region} through on demand
	 * (context variants included), whatever the catalog says, until {@link #reset()}.
	 * @param modelId the plain model ID
	 * @param region the region of the calls
	 * @return this
	 */
	public LocalBedrock allowOnDemand(String modelId, String region) {
		this.access.allowOnDemand(requireModel(modelId), requireRegion(region));
		return this;
	}

	/**
	 * {@link #allowOnDemand(String, String)} in every region.
	 * @param modelId the plain model ID
	 * @return this
	 */
	public LocalBedrock allowOnDemand(String modelId) {
		this.access.allowOnDemand(requireModel(modelId), null);
		return this;
	}

	/**
	 * Whether calling the plain model ID from {@code region} is refused now, overrides
	 * included.
	 * @param modelId the plain model ID
	 * @param region the region of the call
	 * @return whether the call is refused
	 */
	public boolean needsProfile(String modelId, String region) {
		ModelInfo model = this.catalog.find(modelId)
			.orElseThrow(() -> new IllegalArgumentException("Model '" + modelId + "' is not in the catalog"));
		return this.access.needsProfile(model, region);
	}

	@Override
	public String toString() {
		synchronized (this) {
			return "LocalBedrock[" + ((this.server != null) ? endpoint() : (this.closed ? "closed" : "not started"))
					+ ", account " + this.accountId + "]";
		}
	}

	private String requireModel(String modelId) {
		if (!this.catalog.contains(Objects.requireNonNull(modelId, "modelId"))) {
			throw new IllegalArgumentException("Model '" + modelId + "' is not in the catalog of this LocalBedrock");
		}
		return modelId;
	}

	static String requireRegion(String region) {
		if (!REGION.matcher(Objects.requireNonNull(region, "region")).matches()) {
			throw new IllegalArgumentException("Not a region: '" + region + "'");
		}
		return region;
	}

}
