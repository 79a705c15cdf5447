package io.bedrockbinding.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;

import io.bedrockbinding.SettingHints;
import io.bedrockbinding.Severity;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.file.FileProblem;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.file.InferenceFileContent;
import io.bedrockbinding.registry.BindingProblem;
import io.bedrockbinding.registry.BindingRegistry;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every command works with: the settings, the catalog, stdout and stderr. The
 * inference file is read anew by each command, so that the interactive menu always shows
 * what is on disk.
 */
final class CommandContext {

	/**
	 * How the core's messages tell a user of this tool to set something: by its options.
	 * The tool makes no calls, so the pipes' and runtime binds' settings keep their plain
	 * words.
	 */
	static final SettingHints HINTS = new SettingHints("--region (or AWS_REGION)", "--account-id", "--endpoint-url",
			SettingHints.plain().onDemandFallback(), SettingHints.plain().requiredModels(),
			SettingHints.plain().maxRuntimeBindings());

	private final Settings settings;

	private final ModelCatalog catalog;

	private final Clock clock;

	private final PrintWriter out;

	private final PrintWriter err;

	CommandContext(Settings settings, ModelCatalog catalog, Clock clock, PrintWriter out, PrintWriter err) {
		this.settings = settings;
		this.catalog = catalog;
		this.clock = clock;
		this.out = out;
		this.err = err;
	}

	Settings settings() {
		return this.settings;
	}

	ModelCatalog catalog() {
		return this.catalog;
	}

	/**
	 * The clock that decides whether a model is legacy or past its end of life.
	 * @return the clock
	 */
	Clock clock() {
		return this.clock;
	}

	boolean json() {
		return this.settings.json();
	}

	PrintWriter out() {
		return this.out;
	}

	PrintWriter err() {
		return this.err;
	}

	InferenceFile inferenceFile() {
		return new InferenceFile(this.settings.file());
	}

	/**
	 * The file's path as messages show it.
	 * @return the path
	 */
	String filePath() {
		return inferenceFile().path().toString();
	}

	/**
	 * The bindings as an application with these settings would see them: the file's, and,
	 * when {@code derive} is set and a region was given, the region's geo profile for
	 * every model that needs one there.
	 * @param derive whether to derive geo profiles for the region
	 * @return a registry over the file as it is on disk now
	 */
	BindingRegistry registry(boolean derive) {
		return BindingRegistry.builder(this.catalog)
			.region(this.settings.region())
			.accountId(this.settings.accountId())
			.hints(HINTS)
			.deriveProfiles(derive && this.settings.region() != null)
			.inferenceFile(inferenceFile())
			.clock(this.clock)
			.build();
	}

	/**
	 * Tells on stderr when lines of the file were skipped because they are broken, after
	 * the warning of a {@code --region} the SDK does not know (no profile is derived for
	 * it), as {@code validate} gives it.
	 * @param registry the registry that read the file
	 */
	void warnAboutRegionAndFile(BindingRegistry registry) {
		BindingProblem.unknownRegion(registry.region().orElse(null), registry.hints())
			.ifPresent((problem) -> warn(problem.message()));
		registry.lastFileRead().filter(InferenceFileContent::hasErrors).ifPresent((content) -> {
			List<FileProblem> errors = content.problems()
				.stream()
				.filter((problem) -> problem.severity() == Severity.ERROR)
				.toList();
			// an error of the whole file (a directory, unreadable) is no broken
			// line: said as it is
			errors.stream()
				.filter((problem) -> problem.line() == 0)
				.forEach((problem) -> warn(content.source() + ": " + problem.message()));
			long lines = errors.stream().filter((problem) -> problem.line() > 0).count();
			if (lines > 0) {
				warn(content.source() + " has " + Counts.of(lines, "broken line") + ", ignored here; to see them, run: "
						+ CommandHint.of(this.settings, "validate"));
			}
		});
	}

	void println(String line) {
		this.out.println(line);
	}

	void printJson(Object document) {
		this.out.println(Json.MAPPER.writeValueAsString(document));
	}

	void warn(String message) {
		this.err.println("warning: " + message);
	}

	void note(String message) {
		this.err.println(message);
	}

	void flush() {
		this.out.flush();
		this.err.flush();
	}

	/**
	 * The JSON mapper, built on the first {@code --json} output only: building a data
	 * binder costs more than a whole listing does.
	 */
	private static final class Json {

		static final JsonMapper MAPPER = JsonMapper.builder()
			.enable(SerializationFeature.INDENT_OUTPUT)
			// documents read best in the order their records declare
			.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.build();

	}

}
