package io.bedrockbinding;

/**
 * A setting of a builder that is out of range. The message names the setting as the Java
 * API calls it ({@code maxRuntimeBindings must be 0 or more, got -1}); a framework layer
 * that named it otherwise (a property) puts its own name before the {@link #reason()}.
 */
public class InvalidSettingException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String setting;

	private final String reason;

	/**
	 * A refusal of {@code setting}.
	 * @param setting the setting, as the Java API calls it
	 * @param reason what is wrong, without the setting: {@code must be 0 or more, got -1}
	 */
	public InvalidSettingException(String setting, String reason) {
		super(setting + " " + reason);
		this.setting = setting;
		this.reason = reason;
	}

	/**
	 * The setting, as the Java API calls it.
	 * @return the setting
	 */
	public String setting() {
		return this.setting;
	}

	/**
	 * What is wrong, without the setting.
	 * @return the reason, such as {@code must be 0 or more, got -1}
	 */
	public String reason() {
		return this.reason;
	}

	/**
	 * This refusal, said of {@code name} (a property, say).
	 * @param name how the layer that set it names the setting
	 * @return the message
	 */
	public String reasonOf(String name) {
		return name + " " + this.reason;
	}

}
