package io.bedrockbinding.autoconfigure;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import io.bedrockbinding.emulator.LocalBedrockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Runs an application whose class path really lacks the optional sts and bedrock SDK
 * jars, as a user's would. A
 * {@link org.springframework.boot.test.context.FilteredClassLoader} (see
 * {@link BedrockBindingAutoConfigurationTests.OptionalClasses}) hides classes from
 * conditions only: a class that names StsClient in a method signature loads fine there
 * and fails here. Its own class: it starts a whole application in its own class loader.
 */
class MissingModulesTests {

	private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

	@RegisterExtension
	static LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@Test
	void startsAndCallsWithAConfiguredAccount() throws Exception {
		Map<String, String> report = runWithout(bedrock.accountId());
		assertThat(report).containsEntry("discovery", "0")
			.containsEntry("target",
					"arn:aws:bedrock:us-east-1:" + bedrock.accountId() + ":inference-profile/us.amazon.nova-pro-v1:0");
		assertThat(bedrock.journal()).extracting((entry) -> entry.api()).containsExactly("Converse");
	}

	@Test
	void accountTemplateWithoutAnAccountSaysToAddStsOrConfigureIt() throws Exception {
		Map<String, String> report = runWithout("");
		assertThat(report).containsEntry("discovery", "0").doesNotContainKey("target");
		assertThat(report.get("failure")).contains("BedrockPipeException")
			.contains("bedrock.binding.account-id")
			.contains("software.amazon.awssdk:sts");
		assertThat(bedrock.journal()).isEmpty();
	}

	private static Map<String, String> runWithout(String accountId) throws Exception {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		String loggingSystem = System.getProperty(LOGGING_SYSTEM);
		// The isolated Spring Boot would otherwise re-route JUL, which is JVM-wide.
		System.setProperty(LOGGING_SYSTEM, "none");
		try (URLClassLoader loader = new URLClassLoader(
				classPathWithout("/software/amazon/awssdk/sts/", "/software/amazon/awssdk/bedrock/"),
				ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> loader.loadClass("software.amazon.awssdk.services.sts.StsClient"));
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> loader.loadClass("software.amazon.awssdk.services.bedrock.BedrockClient"));
			thread.setContextClassLoader(loader);
			@SuppressWarnings("unchecked")
			Map<String, String> report = (Map<String, String>) loader.loadClass(IsolatedApplication.class.getName())
				.getMethod("run", String.class, String.class)
				.invoke(null, bedrock.endpoint().toString(), accountId);
			return Map.copyOf(report);
		}
		finally {
			thread.setContextClassLoader(previous);
			if (loggingSystem != null) {
				System.setProperty(LOGGING_SYSTEM, loggingSystem);
			}
			else {
				System.clearProperty(LOGGING_SYSTEM);
			}
		}
	}

	/**
	 * The test class path (Surefire's, or the JVM's in an IDE) without the entries named.
	 */
	private static URL[] classPathWithout(String... excluded) throws IOException {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> entries = new ArrayList<>(Arrays.asList(classPath.split(File.pathSeparator)));
		if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
			entries = manifestClassPath(Path.of(entries.get(0)));
		}
		List<URL> urls = new ArrayList<>();
		for (String entry : entries) {
			String normalized = entry.replace(File.separatorChar, '/');
			if (Arrays.stream(excluded).noneMatch(normalized::contains)) {
				urls.add(toUrl(entry));
			}
		}
		assertThat(urls).as("the class path without " + Arrays.toString(excluded)).hasSizeLessThan(entries.size());
		return urls.toArray(URL[]::new);
	}

	/** A manifest-only jar (Surefire's booter) names the class path in its manifest. */
	private static List<String> manifestClassPath(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			String classPath = file.getManifest().getMainAttributes().getValue("Class-Path");
			List<String> entries = new ArrayList<>();
			for (String entry : classPath.trim().split("\\s+")) {
				entries.add(Path.of(jar.getParent().toUri().resolve(entry)).toString());
			}
			return entries;
		}
	}

	private static URL toUrl(String entry) throws MalformedURLException {
		URI uri = Path.of(entry).toUri();
		return uri.toURL();
	}

}
