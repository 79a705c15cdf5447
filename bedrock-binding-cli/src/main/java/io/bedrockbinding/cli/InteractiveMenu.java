package io.bedrockbinding.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The numbered menu {@code inference-config} shows without a command. Choices and answers
 * are read line by line from stdin; the end of input, at any prompt, ends the menu like
 * choosing "Exit". A refused bind is reported and the menu goes on.
 */
final class InteractiveMenu {

	private static final String MENU = """
			1. List all models
			2. Search models
			3. List models by provider
			4. List models by region
			5. Bind a model to an inference profile
			6. Show current bindings
			7. Exit""";

	private final CommandContext context;

	private final BufferedReader in;

	InteractiveMenu(CommandContext context, BufferedReader in) {
		this.context = context;
		this.in = in;
	}

	int run() {
		this.context.println("inference-config: Bedrock model bindings in " + this.context.filePath());
		while (true) {
			this.context.println("");
			this.context.println(MENU);
			String choice = prompt("Choose an option (1-7): ");
			if (choice == null) {
				return endOfInput();
			}
			switch (choice.strip()) {
				case "1" -> perform(new ListCommand(null));
				case "2" -> {
					List<String> words = words(prompt("Search term: "));
					if (words == null) {
						return endOfInput();
					}
					perform(words.isEmpty() ? null : new SearchCommand(words));
				}
				case "3" -> {
					String provider = prompt("Provider (e.g. amazon, anthropic, meta): ");
					if (provider == null) {
						return endOfInput();
					}
					perform(provider.isBlank() ? null : new ProviderCommand(provider.strip()));
				}
				case "4" -> {
					String region = prompt("Region (e.g. us-east-1): ");
					if (region == null) {
						return endOfInput();
					}
					perform(region.isBlank() ? null : new RegionCommand(region.strip()));
				}
				case "5" -> {
					String model = prompt("Model ID: ");
					if (model == null) {
						return endOfInput();
					}
					String target = prompt("Target (profile ID or ARN; empty = direct): ");
					if (target == null) {
						return endOfInput();
					}
					perform(model.isBlank() ? null : new BindCommand(model.strip(), target.strip()));
				}
				case "6" -> perform(new ShowCommand());
				case "7", "q", "quit", "exit" -> {
					this.context.println("Bye.");
					return ExitCode.OK;
				}
				case "" -> {
					// an empty line shows the menu again
				}
				default -> this.context.println("Unknown option '" + choice.strip() + "': choose 1 to 7.");
			}
		}
	}

	/**
	 * Runs one command; a refusal is reported and the menu goes on.
	 * @param command the chosen command, or null for none
	 */
	private void perform(@Nullable ContextCommand command) {
		if (command == null) {
			this.context.println("Nothing entered.");
			return;
		}
		try {
			command.run(this.context);
		}
		catch (CommandException ex) {
			this.context.err().println("error: " + ex.getMessage());
		}
		this.context.flush();
	}

	private @Nullable String prompt(String text) {
		this.context.out().print(text);
		this.context.flush();
		try {
			return this.in.readLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the choice from stdin", ex);
		}
	}

	private static @Nullable List<String> words(@Nullable String line) {
		if (line == null) {
			return null;
		}
		return Arrays.stream(line.strip().split("\\s+")).filter((word) -> !word.isEmpty()).toList();
	}

	/**
	 * Ends the prompt's line, so that the shell's prompt does not follow ours on one
	 * line.
	 * @return the exit code of the menu
	 */
	private int endOfInput() {
		this.context.println("");
		this.context.flush();
		return ExitCode.OK;
	}

}
