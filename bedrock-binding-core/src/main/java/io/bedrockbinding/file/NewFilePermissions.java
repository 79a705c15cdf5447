package io.bedrockbinding.file;

/**
 * The permissions {@link FileReplacer#replace} gives a file it creates; a file it
 * replaces keeps its own.
 */
public enum NewFilePermissions {

	/**
	 * Only the owner may read and write it ({@code rw-------}), for files that may hold
	 * what others must not read: an inference file names the account.
	 */
	OWNER_ONLY,

	/**
	 * Those any new file of the process gets (on Unix, what the umask leaves of
	 * {@code rw-rw-rw-}), for files meant to be shared, such as a model catalog.
	 */
	DEFAULT

}
