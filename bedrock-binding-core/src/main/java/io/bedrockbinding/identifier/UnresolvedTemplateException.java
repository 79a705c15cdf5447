package io.bedrockbinding.identifier;

/**
 * A target with an {@code {account}} or {@code {region}} template whose value is not
 * known.
 */
public class UnresolvedTemplateException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String placeholder;

	public UnresolvedTemplateException(String target, String placeholder, String fix) {
		super("Target '" + target + "' uses " + placeholder + " but no value is known: " + fix);
		this.placeholder = placeholder;
	}

	/**
	 * {@code {account}} or {@code {region}}.
	 * @return the template that has no value
	 */
	public String placeholder() {
		return this.placeholder;
	}

}
