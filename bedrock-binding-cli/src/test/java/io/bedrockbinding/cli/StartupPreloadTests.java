package io.bedrockbinding.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import io.bedrockbinding.catalog.Geographies;
import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StartupPreload}: which command lines start it, that it hands the
 * commands the built-in catalog, and that a command uses the catalog it is given.
 */
class StartupPreloadTests {

	@TempDir
	Path folder;

	@ParameterizedTest
	@ValueSource(strings = { "", "list", "search nova", "--json list", "--region us-east-1 show", "validate",
			"bind amazon.nova-pro-v1:0 us.amazon.nova-pro-v1:0", "--file x.txt list" })
	void commandsThatReadTheBuiltInCatalogArePreloaded(String commandLine) {
		assertThat(StartupPreload.readsBuiltInCatalog(args(commandLine))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "--version", "-V", "--help", "-h", "help", "help list", "list --help", "completion",
			"--catalog my.json list", "list --catalog=my.json" })
	void helpVersionCompletionAndOwnCatalogsAreNot(String commandLine) {
		assertThat(StartupPreload.readsBuiltInCatalog(args(commandLine))).isFalse();
	}

	@Test
	void thePreloadHandsOutTheBuiltInCatalog() {
		Supplier<ModelCatalog> preloaded = StartupPreload.start(new String[] { "list" });
		assertThat(preloaded.get()).isSameAs(ModelCatalog.builtIn());
		assertThat(StartupPreload.start(new String[] { "--version" }).get()).isSameAs(ModelCatalog.builtIn());
	}

	@Test
	void theRehearsalListsEveryModelWithTheRehearsalFilesBindings() {
		ModelCatalog builtIn = ModelCatalog.builtIn();
		List<String> lines = StartupPreload.rehearse(builtIn);
		assertThat(lines).hasSizeGreaterThanOrEqualTo(builtIn.size())
			.anySatisfy((line) -> assertThat(line).endsWith(". amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0"))
			.anySatisfy((line) -> assertThat(line).endsWith(
					". deepseek.r1-v1:0 -> arn:aws:bedrock:us-east-2:{account}:inference-profile/us.deepseek.r1-v1:0"));
	}

	@Test
	void aCommandListsTheCatalogItIsGiven() throws Exception {
		ModelCatalog catalog = new ModelCatalog(
				List.of(new ModelInfo("acme.widget-v1:0", "acme", "Widget", List.of("us-east-1"), List.of(), List.of(),
						false, true, List.of("TEXT"), List.of("TEXT"))),
				new Geographies(List.of(new Geography("us", List.of("us-east-1")))));
		Path file = this.folder.resolve("inference.txt");
		Files.writeString(file, "acme.widget-v1:0=us.acme.widget-v1:0\n");
		StringWriter out = new StringWriter();
		String[] args = { "--file", file.toString(), "list" };
		CommandLine commandLine = InferenceConfig.commandLine(new ByteArrayInputStream(new byte[0]), Clock.systemUTC(),
				() -> catalog, args);
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(new StringWriter(), true));

		int exitCode = commandLine.execute(args);

		assertThat(exitCode).isZero();
		assertThat(out.toString().lines()).containsExactly("1. acme.widget-v1:0 -> us.acme.widget-v1:0",
				"Total: 1 model");
	}

	private static String[] args(String commandLine) {
		return commandLine.isEmpty() ? new String[0] : commandLine.split(" ");
	}

}
