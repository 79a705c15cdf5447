package io.bedrockbinding.file;

import java.nio.file.Path;

import software.amazon.awssdk.utils.UserHomeDirectoryUtils;

/**
 * A second process for {@link DefaultLocationTests}: prints
 * {@link InferenceFile#defaultLocation()} and nothing else.
 */
public final class DefaultLocationMain {

	private DefaultLocationMain() {
	}

	/**
	 * Prints the default location.
	 * @param args ignored
	 */
	public static void main(String[] args) {
		System.out.println(InferenceFile.defaultLocation());
		// the SDK's answer, which the default location must follow
		System.out.println(Path.of(UserHomeDirectoryUtils.userHomeDirectory(), ".aws", "inference.txt"));
	}

}
