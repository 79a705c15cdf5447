package io.bedrockbinding.file;

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
	}

}
