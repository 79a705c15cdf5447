package io.bedrockbinding;

/** How bad a reported problem is. */
public enum Severity {

	/** Something that does not work: the binding is not used, or start-up fails. */
	ERROR,

	/** Something that works but is probably not what was meant. */
	WARNING

}
