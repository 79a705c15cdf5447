package io.bedrockbinding.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.file.InferenceFile;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code inference-config}: the command line of bedrock-binding. The global options are
 * inherited, so they work before and after the command ({@code --json list} and
 * {@code list --json}); without a command, the interactive menu runs.
 */
@Command(name = "inference-config", mixinStandardHelpOptions = true, versionProvider = InferenceConfig.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = {
				"Binds AWS Bedrock model IDs to the inference profiles (or ARNs) they must be called through, "
						+ "in the inference file that bedrock-binding applications read (one model=target per line).",
				"Without a command, an interactive menu reads its choices from stdin." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:ok",
				"1:problems found (validate) or operation refused (invalid model ID or target, "
						+ "unwritable file, failed discovery)",
				"2:usage error (unknown command or option, missing argument)" },
		footer = { "", "Examples:", "  inference-config search nova",
				"  inference-config bind amazon.nova-pro-v1:0 us.amazon.nova-pro-v1:0",
				"  inference-config --region us-east-1 show", "  inference-config validate --file config/inference.txt",
				"  inference-config discover --region us-east-1 --write",
				"Run 'inference-config help COMMAND' (or COMMAND --help) for a command's options." })
public final class InferenceConfig implements Callable<Integer> {

	/**
	 * The commands by the name of their {@code @Command}, in the order the usage lists
	 * them; added by {@link #commandLine(InputStream, Clock, Supplier, String[])}.
	 */
	static final Map<String, Class<?>> COMMANDS = byName(ListCommand.class, SearchCommand.class, ProviderCommand.class,
			RegionCommand.class, BindCommand.class, UnbindCommand.class, ShowCommand.class, ValidateCommand.class,
			DiscoverCommand.class, RefreshCatalogCommand.class, CompletionCommand.class, HelpCommand.class);

	private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,20}");

	private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

	@Option(names = "--file", paramLabel = "PATH", scope = ScopeType.INHERIT, converter = PathConverter.class,
			description = "The inference file to read and edit.%nDefault: ~/.aws/inference.txt")
	private @Nullable Path file;

	@Option(names = "--region", paramLabel = "REGION", scope = ScopeType.INHERIT,
			description = { "The region applications call Bedrock from. Listings and show then include the geo "
					+ "profile an application there derives for each model that needs one (unless the file binds it); "
					+ "validate checks profiles and ARNs against it; discover and refresh-catalog ask this region." })
	private @Nullable String region;

	@Option(names = "--account-id", paramLabel = "ACCOUNT", scope = ScopeType.INHERIT,
			description = "The 12-digit AWS account: validate warns about ARNs of other accounts.")
	private @Nullable String accountId;

	@Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
			description = "The AWS profile whose credentials (and region) discover and refresh-catalog use (default: "
					+ "the AWS SDK's default chain).")
	private @Nullable String profile;

	@Option(names = "--endpoint-url", paramLabel = "URL", scope = ScopeType.INHERIT,
			description = "The Bedrock endpoint discover and refresh-catalog call instead of AWS's, e.g. "
					+ "http://127.0.0.1:4566 for a LocalBedrock emulator.")
	private @Nullable URI endpointUrl;

	@Option(names = "--json", scope = ScopeType.INHERIT, description = "Print machine-readable JSON on stdout.")
	private boolean json;

	@Option(names = "--catalog", paramLabel = "PATH", scope = ScopeType.INHERIT, converter = PathConverter.class,
			description = "A model catalog (catalog.json, e.g. one refresh-catalog wrote) to use instead of the "
					+ "built-in one.")
	private @Nullable Path catalog;

	@Spec
	private @Nullable CommandSpec spec;

	private final BufferedReader in;

	private final Clock clock;

	private final Supplier<ModelCatalog> builtInCatalog;

	/**
	 * A command whose interactive menu reads {@code in}.
	 * @param in the input of the interactive menu
	 */
	public InferenceConfig(InputStream in) {
		this(in, Clock.systemUTC(), ModelCatalog::builtIn);
	}

	private InferenceConfig(InputStream in, Clock clock, Supplier<ModelCatalog> builtInCatalog) {
		this.in = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
		this.clock = clock;
		this.builtInCatalog = builtInCatalog;
	}

	public static void main(String[] args) {
		// first, so that reading the catalog overlaps building the command tree
		Supplier<ModelCatalog> builtInCatalog = StartupPreload.start(args);
		CommandLine commandLine = commandLine(System.in, Clock.systemUTC(), builtInCatalog, args);
		int exitCode = commandLine.execute(args);
		commandLine.getOut().flush();
		commandLine.getErr().flush();
		System.exit(exitCode);
	}

	/**
	 * The command line, ready to {@link CommandLine#execute(String...) execute}; its menu
	 * reads {@code in}.
	 * @param in the input of the interactive menu
	 * @return the command line
	 */
	public static CommandLine commandLine(InputStream in) {
		return commandLine(in, Clock.systemUTC(), ModelCatalog::builtIn, new String[0]);
	}

	/**
	 * The command line that executes {@code args}: with only the command they name, when
	 * they name one that needs no other (picocli reads the annotations of every command
	 * it is given, which is most of a short command's start), else with all of them (for
	 * the menu, the usage, {@code help}, {@code completion} and the "did you mean"
	 * suggestions of a misspelt command).
	 * @param in the input of the interactive menu
	 * @param clock the clock that decides whether a model is legacy or past its end of
	 * life
	 * @param builtInCatalog what gives the built-in catalog (a {@link StartupPreload})
	 * @param args the arguments it will execute
	 * @return the command line
	 */
	static CommandLine commandLine(InputStream in, Clock clock, Supplier<ModelCatalog> builtInCatalog, String[] args) {
		CommandLine commandLine = new CommandLine(new InferenceConfig(in, clock, builtInCatalog));
		String named = commandName(commandLine.getCommandSpec(), args);
		if (named != null && !named.equals("help") && !named.equals("completion")) {
			commandLine.addSubcommand(COMMANDS.get(named));
		}
		else {
			COMMANDS.values().forEach(commandLine::addSubcommand);
		}
		commandLine.setExecutionStrategy(InferenceConfig::executeMatched);
		commandLine.setExecutionExceptionHandler(new ErrorReporter());
		commandLine.setParameterExceptionHandler(new UsageErrorReporter());
		return commandLine;
	}

	// picocli leaves an unknown command or argument unreported when help is asked for
	// ("lisst --help" printed the usage and exited 0)
	private static int executeMatched(ParseResult parsed) {
		for (ParseResult command = parsed; command != null; command = command.subcommand()) {
			if (!command.unmatched().isEmpty()) {
				throw new UnmatchedArgumentException(command.commandSpec().commandLine(), command.unmatched());
			}
		}
		return new RunLast().execute(parsed);
	}

	/**
	 * The command that {@code args} run: their first argument that is neither an option
	 * of {@code root} nor an option's value, if it names a command.
	 * @param root the top-level command
	 * @param args the command line
	 * @return the command's name, or null if they name none
	 */
	static @Nullable String commandName(CommandSpec root, String[] args) {
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--")) {
				return null;
			}
			if (!arg.startsWith("-")) {
				return COMMANDS.containsKey(arg) ? arg : null;
			}
			OptionSpec option = arg.contains("=") ? null : root.findOption(arg);
			if (option != null && option.arity().max() > 0) {
				i++;
			}
		}
		return null;
	}

	private static Map<String, Class<?>> byName(Class<?>... commands) {
		Map<String, Class<?>> byName = new LinkedHashMap<>();
		for (Class<?> command : commands) {
			byName.put(command.getAnnotation(Command.class).name(), command);
		}
		return Collections.unmodifiableMap(byName);
	}

	/** The interactive menu. */
	@Override
	public Integer call() {
		CommandLine commandLine = Objects.requireNonNull(this.spec).commandLine();
		CommandContext context = context(commandLine);
		if (context.json()) {
			throw new ParameterException(commandLine,
					"--json needs a command (list, search, show, ...): the interactive menu has no JSON output");
		}
		try {
			return new InteractiveMenu(context, this.in).run();
		}
		finally {
			context.flush();
		}
	}

	/**
	 * The context of a command, with the global options checked.
	 * @param executing the command line being executed (for its output streams)
	 * @return the context
	 * @throws ParameterException (exit code 2) if one of them is malformed
	 */
	CommandContext context(CommandLine executing) {
		String checkedRegion = (this.region != null) ? region(this.region) : null;
		if (this.region != null && checkedRegion == null) {
			throw new ParameterException(executing,
					"Invalid value for option '--region': '" + this.region + "' is not a region (e.g. us-east-1)");
		}
		String checkedAccount = (this.accountId != null) ? this.accountId.strip() : null;
		if (checkedAccount != null && !ACCOUNT_ID.matcher(checkedAccount).matches()) {
			throw new ParameterException(executing,
					"Invalid value for option '--account-id': '" + this.accountId + "' is not 12 digits");
		}
		if (this.endpointUrl != null && (!this.endpointUrl.isAbsolute() || this.endpointUrl.getHost() == null
				|| !this.endpointUrl.getScheme().matches("https?"))) {
			throw new ParameterException(executing, "Invalid value for option '--endpoint-url': '" + this.endpointUrl
					+ "' is not an http(s) URL such as http://127.0.0.1:4566");
		}
		String checkedProfile = (this.profile != null && !this.profile.isBlank()) ? this.profile.strip() : null;
		Path path = (this.file != null) ? InferenceFile.expandHome(this.file) : InferenceFile.defaultLocation();
		Settings settings = new Settings(path, this.file, checkedRegion, checkedAccount, checkedProfile,
				this.endpointUrl, this.json);
		return new CommandContext(settings, catalog(), this.clock, executing.getOut(), executing.getErr());
	}

	/**
	 * A region as the options take it: without the spaces around it, in lower case.
	 * @param text the region as given
	 * @return the region, or null if the text is not one
	 */
	static @Nullable String region(String text) {
		String region = text.strip().toLowerCase(Locale.ROOT);
		return REGION.matcher(region).matches() ? region : null;
	}

	/**
	 * The built-in catalog, or the one {@code --catalog} names.
	 * @return the catalog
	 * @throws CommandException if that file cannot be read or is no catalog
	 */
	private ModelCatalog catalog() {
		if (this.catalog == null) {
			return this.builtInCatalog.get();
		}
		// '--catalog=~/...' reaches us unexpanded, as for --file
		Path path = InferenceFile.expandHome(this.catalog);
		try (InputStream json = Files.newInputStream(path)) {
			return ModelCatalog.read(json);
		}
		catch (NoSuchFileException ex) {
			throw new CommandException("cannot read --catalog " + path
					+ ": no such file (give the path of a catalog.json, e.g. one refresh-catalog wrote)", ex);
		}
		catch (IOException ex) {
			throw new CommandException("cannot read --catalog " + path + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reports a command that could not do its work on stderr, with exit code 1: a
	 * {@link CommandException}'s message as it is, anything else with its type.
	 */
	private static final class ErrorReporter implements IExecutionExceptionHandler {

		@Override
		public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
			PrintWriter err = commandLine.getErr();
			commandLine.getOut().flush();
			err.println("error: " + ((ex instanceof CommandException) ? ex.getMessage() : ex.toString()));
			err.flush();
			return ExitCode.PROBLEMS;
		}

	}

	/**
	 * Reports a usage error the way Unix tools do: picocli's message, its "did you mean"
	 * suggestions and where to find help, without the whole usage text.
	 */
	private static final class UsageErrorReporter implements IParameterExceptionHandler {

		@Override
		public int handleParseException(ParameterException ex, String[] args) {
			CommandLine commandLine = ex.getCommandLine();
			PrintWriter err = commandLine.getErr();
			err.println(ex.getMessage());
			UnmatchedArgumentException.printSuggestions(ex, err);
			err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
			err.flush();
			return commandLine.getCommandSpec().exitCodeOnInvalidInput();
		}

	}

	/** The version in the jar's manifest. */
	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = InferenceConfig.class.getPackage().getImplementationVersion();
			return new String[] { "inference-config " + ((version != null) ? version : "(development build)") };
		}

	}

}
