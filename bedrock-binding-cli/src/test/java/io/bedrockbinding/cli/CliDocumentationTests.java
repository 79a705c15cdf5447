package io.bedrockbinding.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session shown in {@code docs/cli.md} ("A session") is what the tool prints: each
 * {@code $ ./inference-config.sh ...} command of the block runs again, in order, on an
 * inference file in a fresh home folder, and prints the lines below it (stderr, then
 * stdout; the page shows that home as {@code /home/me}). A {@code $ echo $?} line checks
 * the exit code of the command before it. The menu example below it is checked the same
 * way.
 */
class CliDocumentationTests {

	private static final String PROMPT = "$ ./inference-config.sh ";

	private static final String DOCUMENTED_HOME = "/home/me";

	private static final String MENU_INTRODUCTION = "The interactive menu, fed from a pipe:";

	@TempDir
	Path home;

	@Test
	void theDocumentedSessionPrintsWhatThePageShows() throws IOException {
		List<Step> steps = steps(sessionBlock());
		assertThat(steps).as("commands of the session in docs/cli.md").hasSizeGreaterThan(5);
		Path file = this.home.resolve(".aws/inference.txt");
		for (Step step : steps) {
			List<String> args = new ArrayList<>(List.of(step.command().split(" ")));
			args.add("--file");
			args.add(file.toString());
			Cli.Result result = Cli.run(args.toArray(String[]::new));
			List<String> printed = new ArrayList<>();
			printed.addAll(result.err().lines().toList());
			printed.addAll(result.out().lines().toList());
			String home = this.home.toString();
			// the page's session uses the default file, whose hints name no --file: the
			// --file given here for that file is not part of what it shows
			String fileOption = " --file " + file;
			assertThat(printed.stream()
				.map((line) -> line.replace(fileOption, "").replace(home, DOCUMENTED_HOME))
				.toList()).as("output of '%s'%n%s", step.command(), result).containsExactlyElementsOf(step.output());
			if (step.exitCode() != null) {
				assertThat(result.exitCode()).as("exit code of '%s'", step.command()).isEqualTo(step.exitCode());
			}
		}
	}

	/**
	 * The commands of a session block with what each prints.
	 * @param block the lines of the fenced block
	 * @return one step per command
	 */
	private static List<Step> steps(List<String> block) {
		List<Step> steps = new ArrayList<>();
		int i = 0;
		while (i < block.size()) {
			String line = block.get(i++);
			if (line.isEmpty()) {
				continue;
			}
			assertThat(line).as("a command line of the session").startsWith(PROMPT);
			List<String> output = new ArrayList<>();
			while (i < block.size() && !block.get(i).isEmpty() && !block.get(i).startsWith("$ ")) {
				output.add(block.get(i++));
			}
			Integer exitCode = null;
			if (i < block.size() && block.get(i).equals("$ echo $?")) {
				exitCode = Integer.valueOf(block.get(i + 1));
				i += 2;
			}
			steps.add(new Step(line.substring(PROMPT.length()), output, exitCode));
		}
		return steps;
	}

	/**
	 * The menu example below the session ({@code $ printf '...' | ./inference-config.sh
	 * ...}): its input fed to the tool, on a fresh home folder, prints the lines the page
	 * shows.
	 */
	@Test
	void theDocumentedMenuPrintsWhatThePageShows() throws IOException {
		List<String> block = blockAfter(MENU_INTRODUCTION);
		String command = block.get(0);
		String script = PROMPT.substring("$ ".length());
		assertThat(command).as("the menu example's command line").startsWith("$ printf '").contains("' | " + script);
		String input = command.substring("$ printf '".length(), command.indexOf("' | ")).replace("\\n", "\n");
		List<String> args = new ArrayList<>(
				List.of(command.substring(command.indexOf(script) + script.length()).split(" ")));
		args.add("--file");
		args.add(this.home.resolve(".aws/inference.txt").toString());
		Cli.Result result = Cli.runWithInput(input, args.toArray(String[]::new));
		String home = this.home.toString();
		List<String> printed = new ArrayList<>(result.err().lines().toList());
		printed.addAll(result.out().lines().map((line) -> line.replace(home, DOCUMENTED_HOME)).toList());
		assertThat(printed).as("output of the menu example%n%s", result)
			.containsExactlyElementsOf(block.subList(1, block.size()));
		assertThat(result.exitCode()).isZero();
	}

	private static List<String> sessionBlock() throws IOException {
		return blockAfter("## A session");
	}

	/**
	 * The first fenced block of docs/cli.md after a line.
	 * @param line the line before it (a heading or a sentence)
	 * @return the block's lines, without the fences
	 */
	private static List<String> blockAfter(String line) throws IOException {
		List<String> lines = Files.readAllLines(repositoryRoot().resolve("docs/cli.md"));
		int heading = lines.indexOf(line);
		assertThat(heading).as("the line '%s' in docs/cli.md", line).isNotNegative();
		int start = lines.subList(heading, lines.size()).indexOf("```") + heading + 1;
		int end = lines.subList(start, lines.size()).indexOf("```") + start;
		return lines.subList(start, end);
	}

	/**
	 * The folder of the root pom, above the module folder the tests run in.
	 * @return the repository's root folder
	 */
	private static Path repositoryRoot() {
		Path folder = Path.of("").toAbsolutePath();
		while (folder != null && !Files.exists(folder.resolve("mvnw"))) {
			folder = folder.getParent();
		}
		assertThat(folder).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
		return folder;
	}

	/**
	 * One command of the session.
	 *
	 * @param command the arguments after the script name
	 * @param output the lines the page shows below it
	 * @param exitCode the exit code a following {@code echo $?} shows, if any
	 */
	private record Step(String command, List<String> output, Integer exitCode) {

	}

}
