package io.bedrockbinding.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and the pages under {@code docs/} link to each other with relative links;
 * every one must lead to a file that exists and, with an {@code #anchor}, to a heading of
 * it. No page may name a folder of the machine an example was produced on.
 */
class MarkdownLinksTests {

	private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");

	private static final Path ROOT = repositoryRoot();

	@Test
	void theReadmeAndTheDocsAreFound() {
		assertThat(pages()).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/configuration.md"),
				ROOT.resolve("docs/cli.md"));
	}

	@Test
	void everyRelativeLinkLeadsToAFileAndHeadingThatExist() {
		List<String> broken = new ArrayList<>();
		for (Path page : pages()) {
			for (String link : links(page)) {
				if (link.matches("^[a-z]+:.*")) {
					continue;
				}
				String[] parts = link.split("#", 2);
				Path target = (parts[0].isEmpty()) ? page : page.getParent().resolve(parts[0]).normalize();
				if (!Files.exists(target)) {
					broken.add(ROOT.relativize(page) + ": " + link + " (no such file)");
				}
				else if (parts.length == 2 && !anchors(target).contains(parts[1])) {
					broken.add(ROOT.relativize(page) + ": " + link + " (no such heading; headings: " + anchors(target)
							+ ")");
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	@Test
	void theReadmeLinksEveryDocsPage() throws IOException {
		Set<String> linked = links(ROOT.resolve("README.md")).stream()
			.map((link) -> link.split("#", 2)[0])
			.collect(Collectors.toSet());
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			assertThat(docs.map((page) -> "docs/" + page.getFileName())).isNotEmpty()
				.allSatisfy((page) -> assertThat(linked).as("links of README.md").contains(page));
		}
	}

	@Test
	void noPageNamesAFolderOfTheMachineItWasWrittenOn() {
		for (Path page : pages()) {
			List<String> lines = read(page);
			for (int i = 0; i < lines.size(); i++) {
				assertThat(lines.get(i)).as("%s:%d", ROOT.relativize(page), i + 1)
					.doesNotContain("/work/", "/root/", "/tmp/", ROOT.toString());
			}
		}
	}

	@Test
	void theReadmeStaysShort() {
		// What it is, the two commands, the shortest walkthrough and links: the reference
		// belongs in docs/.
		assertThat(read(ROOT.resolve("README.md"))).as("lines of README.md (move reference material to docs/)")
			.hasSizeLessThanOrEqualTo(170);
	}

	/**
	 * The anchors GitHub gives the headings of a page: lower case, punctuation other than
	 * {@code -} and {@code _} dropped, spaces turned into {@code -}.
	 * @param page the Markdown file
	 * @return the anchors of its headings, outside code blocks
	 */
	static Set<String> anchors(Path page) {
		return prose(page).stream()
			.map(HEADING::matcher)
			.filter(Matcher::matches)
			.map((heading) -> heading.group(1)
				.toLowerCase(Locale.ROOT)
				.replaceAll("[^\\p{L}\\p{N} _-]", "")
				.replace(' ', '-'))
			.collect(Collectors.toSet());
	}

	private static List<String> links(Path page) {
		List<String> links = new ArrayList<>();
		for (String line : prose(page)) {
			Matcher matcher = LINK.matcher(line);
			while (matcher.find()) {
				links.add(matcher.group(1));
			}
		}
		return links;
	}

	/**
	 * The lines of a page outside fenced code blocks, where links and headings are.
	 * @param page the Markdown file
	 * @return its prose lines
	 */
	private static List<String> prose(Path page) {
		List<String> prose = new ArrayList<>();
		boolean inCode = false;
		for (String line : read(page)) {
			if (line.startsWith("```")) {
				inCode = !inCode;
			}
			else if (!inCode) {
				prose.add(line);
			}
		}
		return prose;
	}

	private static List<Path> pages() {
		try (Stream<Path> files = Files.walk(ROOT)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".md"))
				.filter((file) -> !ROOT.relativize(file).toString().matches("(^|.*/)(target|\\.[^/]+)/.*"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> read(Path page) {
		try {
			return Files.readAllLines(page);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The folder of the root pom: tests run in their module's folder, one level below it.
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

}
