package io.bedrockbinding.cli;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelQuery;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.file.InferenceFileContent;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;

/**
 * The start of a command that reads the catalog, begun on a second thread as soon as
 * {@code main} runs, while picocli builds its command tree on the main thread: reading
 * the built-in catalog, finding the home directory (which initialises logging), and a
 * rehearsal of a listing over a small in-memory inference file, which loads and links the
 * classes that reading the real file, checking its targets (the SDK's region tables) and
 * building a registry need. On a machine with a free core the two overlap; the command
 * then finds that work done. Nothing of the rehearsal is kept but the catalog, and
 * nothing is written.
 */
final class StartupPreload {

	/** Arguments after which no catalog is read: help, version, completion script. */
	private static final Set<String> NO_CATALOG = Set.of("-h", "--help", "-V", "--version", "help", "completion");

	/** A rehearsal file: one line of each kind of target (direct, profile, ARNs). */
	private static final byte[] REHEARSAL = String.join("\n", "# rehearsal", "amazon.nova-micro-v1:0=",
			"amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0",
			"deepseek.r1-v1:0=arn:aws:bedrock:us-east-2:{account}:inference-profile/us.deepseek.r1-v1:0",
			"amazon.nova-premier-v1:0=arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3d4e5f6",
			"")
		.getBytes(StandardCharsets.UTF_8);

	private final CompletableFuture<ModelCatalog> catalog = new CompletableFuture<>();

	private StartupPreload() {
	}

	/**
	 * Starts the preload when the command line asks for a command that reads the built-in
	 * catalog.
	 * @param args the command line
	 * @return the built-in catalog, from the preload or read when first asked for
	 */
	static Supplier<ModelCatalog> start(String[] args) {
		if (!readsBuiltInCatalog(args)) {
			return ModelCatalog::builtIn;
		}
		StartupPreload preload = new StartupPreload();
		Thread thread = new Thread(preload::run, "inference-config-preload");
		thread.setDaemon(true);
		thread.start();
		return preload::catalog;
	}

	/**
	 * Whether a command line runs a command that reads the built-in catalog: not help,
	 * version or a completion script, and no {@code --catalog} of its own.
	 * @param args the command line
	 * @return whether preloading is worth it
	 */
	static boolean readsBuiltInCatalog(String[] args) {
		for (String arg : args) {
			if (NO_CATALOG.contains(arg) || arg.startsWith("--catalog")) {
				return false;
			}
		}
		return true;
	}

	private void run() {
		try {
			ModelCatalog builtIn = ModelCatalog.builtIn();
			this.catalog.complete(builtIn);
			rehearse(builtIn);
		}
		catch (Throwable ex) {
			// the command reports it when it asks for the catalog; a failed rehearsal is
			// only time not saved
			this.catalog.completeExceptionally(ex);
		}
	}

	/**
	 * Lists the built-in catalog's models with the rehearsal file's bindings, as
	 * {@code list} does, on nothing but memory.
	 * @param builtIn the built-in catalog
	 * @return the lines of the listing
	 */
	static List<String> rehearse(ModelCatalog builtIn) {
		InferenceFile.defaultLocation();
		InferenceFileContent content = InferenceFile.parse(REHEARSAL, "rehearsal", Clock.systemUTC());
		BindingRegistry registry = BindingRegistry.builder(builtIn).deriveProfiles(false).build();
		registry.applyFile(content);
		List<Binding> bindings = registry.query(new ModelQuery(null, null, null));
		List<String> lines = new ArrayList<>(bindings.size());
		for (int i = 0; i < bindings.size(); i++) {
			lines.add(BindingText.line(i + 1, bindings.get(i)));
		}
		return lines;
	}

	private ModelCatalog catalog() {
		try {
			return this.catalog.join();
		}
		catch (CompletionException ex) {
			// as if the command had read it: the same exception, on its thread
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

}
