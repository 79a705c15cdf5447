package io.bedrockbinding.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.bedrockbinding.Severity;
import io.bedrockbinding.file.FileProblem;
import io.bedrockbinding.file.InferenceFileContent;
import io.bedrockbinding.registry.BindingProblem;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.OriginKind;
import io.bedrockbinding.registry.ProblemCode;
import io.bedrockbinding.registry.ProblemPolicy;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/** {@code validate}: every problem of the file, compiler style. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
		versionProvider = InferenceConfig.Version.class,
		description = { "Checks the inference file and prints every problem as 'path:line: severity: message': "
				+ "lines that are not model=target, invalid model IDs and targets, duplicates, models the catalog "
				+ "does not know, and unknown geographies.",
				"With --region, also profiles whose geography does not serve the region, ARNs of other regions and "
						+ "models bound direct that need a profile there; with --account-id, ARNs of other accounts.",
				"Exit code 1 if there is an error (or the file does not exist), 0 if there are only warnings." })
final class ValidateCommand extends ContextCommand {

	@Override
	int run(CommandContext context) {
		BindingRegistry registry = context.registry(false);
		String path = context.filePath();
		InferenceFileContent content = registry.lastFileRead().orElseThrow();
		if (!content.exists()) {
			throw new CommandException(path + missing(context.inferenceFile().path()));
		}
		List<BindingProblem> found = registry.validate();
		List<Problem> problems = new ArrayList<>();
		content.problems().forEach((problem) -> problems.add(Problem.of(problem)));
		for (BindingProblem problem : found) {
			if (problem.code() != ProblemCode.FILE_PROBLEM) {
				problems.add(Problem.of(problem, path));
			}
		}
		problems.sort(Comparator.comparingInt(Problem::line));
		// validate is strict: a line that is not a valid binding is an error here.
		long errors = ProblemPolicy.everyError().errors(found).size();
		long warnings = problems.size() - errors;
		if (context.json()) {
			context.printJson(new Document(path, content.entries().size(), problems, errors, warnings));
		}
		else {
			for (Problem problem : problems) {
				context.println(problem.text());
				if (problem.suggestedTarget() != null && !problem.modelId().isEmpty()) {
					context.println("  fix: "
							+ CommandHint.of(context.settings(), "bind", problem.modelId(), problem.suggestedTarget()));
				}
			}
			context.println(path + ": " + Counts.of(content.entries().size(), "binding") + ", "
					+ Counts.of(errors, "error") + ", " + Counts.of(warnings, "warning"));
		}
		return (errors > 0) ? ExitCode.PROBLEMS : ExitCode.OK;
	}

	/**
	 * Why there is nothing to validate, and the fix: bind creates a missing file, but
	 * refuses to replace a dangling symlink (a mount whose file is not there) with one.
	 * @param file the inference file
	 * @return the message, after the path
	 */
	private static String missing(Path file) {
		if (Files.isSymbolicLink(file)) {
			try {
				return " is a symbolic link to " + Files.readSymbolicLink(file)
						+ ", which does not exist: nothing to validate (create that file, or remove the link)";
			}
			catch (IOException ex) {
				// gone meanwhile: missing, as below
			}
		}
		return " does not exist: nothing to validate (bind a model to create it)";
	}

	/**
	 * One problem.
	 *
	 * @param file the file
	 * @param line the 1-based line, 0 for the file as a whole
	 * @param severity {@code error} or {@code warning}
	 * @param code the kind of problem ({@code FILE_PROBLEM} for lines that are not a
	 * valid binding)
	 * @param modelId the model concerned, empty if the line names none
	 * @param message what is wrong
	 * @param suggestedTarget a target that would fix it, when one is known
	 */
	record Problem(String file, int line, String severity, String code, String modelId, String message,
			@Nullable String suggestedTarget) {

		static Problem of(FileProblem problem) {
			return new Problem(problem.source(), problem.line(), severity(problem.severity()),
					ProblemCode.FILE_PROBLEM.name(), "", problem.message(), null);
		}

		static Problem of(BindingProblem problem, String path) {
			String file = path;
			int line = 0;
			String message = problem.message();
			if (problem.origin() != null && problem.origin().kind() == OriginKind.FILE) {
				String source = problem.origin().source();
				int colon = source.lastIndexOf(':');
				String number = (colon > 0) ? source.substring(colon + 1) : "";
				if (!number.isEmpty() && number.length() < 10 && number.chars().allMatch(Character::isDigit)) {
					file = source.substring(0, colon);
					line = Integer.parseInt(number);
				}
				// the location leads the line already
				message = message.replace(" (" + source + ")", "");
			}
			return new Problem(file, line, severity(problem.severity()), problem.code().name(), problem.modelId(),
					message, problem.suggestedTarget());
		}

		private static String severity(Severity severity) {
			return severity.name().toLowerCase(Locale.ROOT);
		}

		/**
		 * {@code path:line: severity: message}, as compilers print them.
		 * @return the line
		 */
		String text() {
			return this.file + ((this.line > 0) ? ":" + this.line : "") + ": " + this.severity + ": " + this.message;
		}

	}

	/**
	 * A validation as JSON.
	 *
	 * @param file the inference file
	 * @param bindings how many valid bindings it has
	 * @param problems every problem, in line order
	 * @param errors how many are errors
	 * @param warnings how many are warnings
	 */
	record Document(String file, int bindings, List<Problem> problems, long errors, long warnings) {
	}

}
