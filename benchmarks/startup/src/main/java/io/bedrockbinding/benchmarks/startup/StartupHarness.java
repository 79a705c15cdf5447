package io.bedrockbinding.benchmarks.startup;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.bedrockbinding.benchmarks.startup.app.HarnessApplication;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.emulator.LocalBedrock;

/**
 * Runs the process harnesses and prints their figures. Usage (from the repository root,
 * after
 * {@code ./mvnw -B -pl bedrock-binding-cli,benchmarks/startup -am package -DskipTests}):
 *
 * <pre>
 * java -cp "benchmarks/startup/target/classes:$(cat benchmarks/startup/target/classpath-harness.txt)" \
 *     io.bedrockbinding.benchmarks.startup.StartupHarness [startup|first-call|cli|all] [--pairs N] \
 *     [--variant web|plain|both] [--cli-jar PATH] [--jvm-arg OPTION]...
 * </pre>
 *
 * Every pair runs both sides as fresh processes, alternating which one runs first; one
 * pair before the measured ones warms the file cache and is not counted.
 */
public final class StartupHarness {

	static final String REGION = "us-east-1";

	static final String ACCOUNT = "111122223333";

	/**
	 * The model of the first call, and the profile the pipe derives for it (and raw
	 * sends).
	 */
	static final String MODEL = "amazon.nova-pro-v1:0";

	static final String TARGET = "us.amazon.nova-pro-v1:0";

	private static final String STARTED = "\"Started ... in\"";

	private static final String FIRST_REPLY = "main() to first reply";

	private static final String WALL = "process wall time";

	/**
	 * 15 lines: 3 comments and 12 bindings of every target kind the file takes, all of
	 * ACTIVE models (a binding of a model past its end of life fails the start).
	 */
	static final List<String> INFERENCE_FILE = List.of("# The start-up harness's inference file: 15 lines",
			"amazon.nova-micro-v1:0=us.amazon.nova-micro-v1:0", "amazon.nova-lite-v1:0=us.amazon.nova-lite-v1:0",
			"amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0",
			"anthropic.claude-haiku-4-5-20251001-v1:0=us.anthropic.claude-haiku-4-5-20251001-v1:0",
			"anthropic.claude-sonnet-4-6=global.anthropic.claude-sonnet-4-6",
			"# ARNs: a system profile of another region, an application profile",
			"deepseek.r1-v1:0=arn:aws:bedrock:us-east-2:{account}:inference-profile/us.deepseek.r1-v1:0",
			"amazon.nova-2-lite-v1:0=arn:aws:bedrock:us-east-1:{account}:application-inference-profile/a1b2c3d4e5f6",
			"meta.llama3-3-70b-instruct-v1:0=us.meta.llama3-3-70b-instruct-v1:0", "# direct (on demand)",
			"openai.gpt-oss-120b-1:0=", "meta.llama3-8b-instruct-v1:0=", "mistral.mistral-large-2402-v1:0=",
			"qwen.qwen3-32b-v1:0=");

	/**
	 * Issue 19's goals: what the auto-configuration adds to the start of a web app with
	 * Jackson and actuator, and of an app without them.
	 */
	static final Map<String, Double> STARTUP_GOAL_MILLIS = Map.of("web", 15.0, "plain", 40.0);

	/** Issue 19's goal: the cold first call through the pipe against the raw SDK's. */
	static final double FIRST_CALL_GOAL_RATIO = 1.1;

	/** Issue 19's goal: {@code inference-config list} against {@code --version}. */
	static final double CLI_GOAL_RATIO = 1.3;

	private final Options options;

	private final Path work;

	private StartupHarness(Options options, Path work) {
		this.options = options;
		this.work = work;
	}

	public static void main(String[] args) throws Exception {
		// Before the JDK HTTP server class loads: LocalBedrock answers without Nagle
		// delays.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		Options options = Options.parse(args);
		Path work = Files.createTempDirectory("startup-harness");
		Files.write(work.resolve("inference.txt"), INFERENCE_FILE, StandardCharsets.UTF_8);
		StartupHarness harness = new StartupHarness(options, work);
		System.out.printf("%s; java %s; %d cores; load average %s%n", options, System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), loadAverage());
		if (options.runs("startup")) {
			for (String variant : options.variants()) {
				harness.startup(variant);
			}
		}
		if (options.runs("first-call")) {
			harness.firstCall();
		}
		if (options.runs("cli")) {
			harness.cli();
		}
	}

	/**
	 * The app with and without the auto-configuration
	 * ({@code bedrock.binding.enabled=false}).
	 * @param variant {@code web} or {@code plain}
	 */
	private void startup(String variant) throws IOException, InterruptedException {
		List<String> app = app(variant);
		if (variant.equals("web")) {
			app.add("--server.port=0");
			app.add("--management.endpoints.web.exposure.include=health,bedrockbindings");
		}
		List<String> without = new ArrayList<>(app);
		without.add("--bedrock.binding.enabled=false");
		PairedRuns runs = new PairedRuns("with", "without").goalDifference(STARTED, STARTUP_GOAL_MILLIS.get(variant));
		String load = loadAverage();
		pairs(app, without, Map.of(), (with, off) -> {
			runs.add(STARTED, with.startedMillis(), off.startedMillis());
			runs.add(WALL, with.wallMillis(), off.wallMillis());
			runs.add("process CPU time when started", with.reportedMillis("cpu-ms"), off.reportedMillis("cpu-ms"));
			runs.add("main thread CPU time when started", with.reportedMillis("main-cpu-ms"),
					off.reportedMillis("main-cpu-ms"));
		});
		print("start-up, " + variant + " app (" + describe(variant) + "): with the auto-configuration vs "
				+ "bedrock.binding.enabled=false", load, runs);
	}

	/**
	 * Context start + first {@code pipe.execute} vs context start (auto-configuration
	 * off) + building an SDK client + its first {@code converse}, on one LocalBedrock.
	 */
	private void firstCall() throws IOException, InterruptedException {
		try (LocalBedrock bedrock = LocalBedrock.builder()
			.catalog(ModelCatalog.builtIn())
			.accountId(ACCOUNT)
			.defaultRegion(REGION)
			.build()
			.start()) {
			String endpoint = bedrock.endpoint().toString();
			List<String> pipe = app("plain");
			pipe.addAll(List.of("--harness.first-call=pipe", "--harness.model=" + MODEL,
					"--bedrock.binding.endpoint=" + endpoint));
			List<String> raw = app("plain");
			raw.addAll(List.of("--bedrock.binding.enabled=false", "--harness.first-call=raw",
					"--harness.endpoint=" + endpoint, "--harness.region=" + REGION, "--harness.raw-target=" + TARGET));
			// Both sides take their credentials from the SDK's default chain.
			Map<String, String> credentials = Map.of("AWS_ACCESS_KEY_ID", "harness", "AWS_SECRET_ACCESS_KEY",
					"harness");
			PairedRuns runs = new PairedRuns("pipe", "raw").goalRatio(FIRST_REPLY, FIRST_CALL_GOAL_RATIO);
			String load = loadAverage();
			pairs(pipe, raw, credentials, (viaPipe, viaRaw) -> {
				if (!viaPipe.reported("reply").equals(viaRaw.reported("reply"))) {
					throw new IllegalStateException("The two sides got different replies: '" + viaPipe.reported("reply")
							+ "' and '" + viaRaw.reported("reply") + "'");
				}
				runs.add(FIRST_REPLY, viaPipe.reportedMillis("first-call-ms"), viaRaw.reportedMillis("first-call-ms"));
				runs.add(WALL, viaPipe.wallMillis(), viaRaw.wallMillis());
				runs.add("process CPU time at the reply", viaPipe.reportedMillis("cpu-ms"),
						viaRaw.reportedMillis("cpu-ms"));
				runs.add("main thread CPU time at the reply", viaPipe.reportedMillis("main-cpu-ms"),
						viaRaw.reportedMillis("main-cpu-ms"));
			});
			print("cold first call, plain app: context + pipe.execute vs context (auto-configuration off) + SDK "
					+ "client + converse, " + bedrock.journal().size() + " calls on one LocalBedrock", load, runs);
		}
	}

	/** {@code inference-config list} vs {@code inference-config --version}. */
	private void cli() throws IOException, InterruptedException {
		Path jar = this.options.cliJar().toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " not found: build it with ./mvnw -B -pl bedrock-binding-cli -am "
					+ "package -DskipTests, or give --cli-jar");
		}
		Path home = this.work.resolve("home");
		Files.createDirectories(home.resolve(".aws"));
		Files.write(home.resolve(".aws/inference.txt"), INFERENCE_FILE, StandardCharsets.UTF_8);
		List<String> list = new ArrayList<>(java());
		list.addAll(List.of("-jar", jar.toString(), "list"));
		List<String> version = new ArrayList<>(java());
		version.addAll(List.of("-jar", jar.toString(), "--version"));
		PairedRuns runs = new PairedRuns("list", "--version").goalRatio(WALL, CLI_GOAL_RATIO);
		String load = loadAverage();
		pairs(list, version, Map.of("HOME", home.toString()), (listed, versioned) -> {
			if (listed.linesContaining("amazon.nova-pro-v1:0") == 0) {
				throw new IllegalStateException("list did not list amazon.nova-pro-v1:0:\n" + listed.output());
			}
			runs.add(WALL, listed.wallMillis(), versioned.wallMillis());
		});
		print("inference-config list vs inference-config --version (" + jar.getFileName() + ", HOME with a "
				+ INFERENCE_FILE.size() + "-line ~/.aws/inference.txt)", load, runs);
	}

	/**
	 * Runs one warm-up pair, then the measured pairs, alternating which side runs first.
	 * @param first the measured side's command
	 * @param second the baseline's command
	 * @param environment variables for both
	 * @param sink takes each measured pair
	 */
	private void pairs(List<String> first, List<String> second, Map<String, String> environment, PairSink sink)
			throws IOException, InterruptedException {
		for (int pair = -1; pair < this.options.pairs(); pair++) {
			boolean firstFirst = (pair % 2 == 0);
			ChildRun a = firstFirst ? ChildRun.run(first, environment, this.work) : null;
			ChildRun b = ChildRun.run(second, environment, this.work);
			if (a == null) {
				a = ChildRun.run(first, environment, this.work);
			}
			if (pair >= 0) {
				sink.accept(a, b);
			}
		}
	}

	private List<String> app(String variant) {
		List<String> command = new ArrayList<>(java());
		command.addAll(List.of("-cp", classpath(variant), HarnessApplication.class.getName(),
				"--bedrock.binding.region=" + REGION, "--bedrock.binding.account-id=" + ACCOUNT,
				"--bedrock.binding.inference-file.location=" + this.work.resolve("inference.txt")));
		return command;
	}

	private List<String> java() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.options.jvmArgs());
		return command;
	}

	/**
	 * The app's classes and the dependencies of the variant, as the build wrote them.
	 * @param variant {@code web} or {@code plain}
	 * @return the class path
	 */
	private static String classpath(String variant) {
		try {
			Path classes = Path.of(StartupHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path file = classes.resolveSibling("classpath-" + variant + ".txt");
			if (!Files.isRegularFile(file)) {
				throw new IllegalStateException(
						file + " not found: build with ./mvnw -B -pl benchmarks/startup -am " + "package -DskipTests");
			}
			return classes + java.io.File.pathSeparator + Files.readString(file).strip();
		}
		catch (IOException | URISyntaxException ex) {
			throw new IllegalStateException("Cannot find the harness's classpath files", ex);
		}
	}

	private static String describe(String variant) {
		return variant.equals("web") ? "Spring MVC, Tomcat, actuator, Jackson"
				: "spring-boot-starter and the starter only";
	}

	private static void print(String title, String loadBefore, PairedRuns runs) {
		System.out.printf("%n%s%nload average before %s, after %s%n%s", title, loadBefore, loadAverage(),
				runs.report());
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	@FunctionalInterface
	private interface PairSink {

		void accept(ChildRun first, ChildRun second);

	}

	/**
	 * The command line of the harness.
	 *
	 * @param harness {@code startup}, {@code first-call}, {@code cli} or {@code all}
	 * @param pairs how many measured pairs
	 * @param variant {@code web}, {@code plain} or {@code both}
	 * @param cliJar the CLI's jar
	 * @param jvmArgs options for every child JVM
	 */
	record Options(String harness, int pairs, String variant, Path cliJar, List<String> jvmArgs) {

		static Options parse(String[] args) {
			String harness = "all";
			int pairs = 10;
			String variant = "both";
			Path cliJar = Path.of("bedrock-binding-cli", "target", "inference-config.jar");
			List<String> jvmArgs = new ArrayList<>();
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--pairs" -> pairs = Integer.parseInt(args[++i]);
					case "--variant" -> variant = args[++i];
					case "--cli-jar" -> cliJar = Path.of(args[++i]);
					case "--jvm-arg" -> jvmArgs.add(args[++i]);
					case "startup", "first-call", "cli", "all" -> harness = args[i];
					default -> throw new IllegalArgumentException("Unknown argument '" + args[i]
							+ "': give startup, first-call, cli or all, --pairs N, --variant web|plain|both, "
							+ "--cli-jar PATH, --jvm-arg OPTION");
				}
			}
			if (!List.of("web", "plain", "both").contains(variant)) {
				throw new IllegalArgumentException("--variant is web, plain or both, not " + variant);
			}
			return new Options(harness, pairs, variant, cliJar, List.copyOf(jvmArgs));
		}

		boolean runs(String name) {
			return this.harness.equals("all") || this.harness.equals(name);
		}

		List<String> variants() {
			return this.variant.equals("both") ? List.of("web", "plain") : List.of(this.variant);
		}

		@Override
		public String toString() {
			// the variant is the start-up harness's alone
			String variant = runs("startup") ? ", variant " + this.variant : "";
			return String.format(Locale.ROOT, "harness %s, %d pairs%s, child JVM options %s", this.harness, this.pairs,
					variant, this.jvmArgs);
		}

	}

}
