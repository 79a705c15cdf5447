package io.bedrockbinding.file;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The messages of refused and failed writes of the file, all {@code Cannot write PATH: }
 * and the reason ({@link #of}): why an existing file that {@link FileReplacer} must not
 * write is refused, and the fix that can help: {@code chmod u+w} only where the mode is
 * what keeps its owner from writing it.
 */
final class WriteRefusal {

	private WriteRefusal() {
	}

	/**
	 * The one text of a write that is refused or fails.
	 * @param path the file as configured, as the message names it
	 * @param reason why, and the fix
	 * @return {@code Cannot write PATH: REASON}
	 */
	static String text(Path path, String reason) {
		return "Cannot write " + path + ": " + reason;
	}

	/**
	 * The exception of a write that is refused.
	 * @param path the file as configured, as the message names it
	 * @param reason why, and the fix
	 * @return an exception whose message is {@link #text}
	 */
	static IOException of(Path path, String reason) {
		return of(path, reason, null);
	}

	/**
	 * The exception of a write that is refused or fails.
	 * @param path the file as configured, as the message names it
	 * @param reason why, and the fix
	 * @param cause what failed, or {@code null}
	 * @return an exception whose message is {@link #text}
	 */
	static IOException of(Path path, String reason, @Nullable Throwable cause) {
		return new IOException(text(path, reason), cause);
	}

	/**
	 * The message of a refused write, from what the file's attributes say.
	 * <ul>
	 * <li>no mode (not a POSIX file system), or a mode without owner write: the file is
	 * read-only, {@code chmod u+w} makes it writable;</li>
	 * <li>owner write, and the owner is another user: the file belongs to that user; run
	 * as the owner, or give this user the file ({@code chown});</li>
	 * <li>owner write, and this user owns it: something besides the mode refuses the
	 * write (a read-only file system, an ACL, an immutable flag).</li>
	 * </ul>
	 * @param path the file as configured, as the message names it
	 * @param permissions the file's mode, or {@code null} where the file system has none
	 * @param owner the name of the file's owner, or {@code null} when unknown
	 * @param user the name of the user this process runs as, or {@code null} when unknown
	 * @return the message, starting with {@code Cannot write PATH: }
	 */
	static String message(Path path, @Nullable Set<PosixFilePermission> permissions, @Nullable String owner,
			@Nullable String user) {
		String start = text(path, "");
		if (permissions == null || !permissions.contains(PosixFilePermission.OWNER_WRITE)) {
			String mode = (permissions != null) ? " (mode " + PosixFilePermissions.toString(permissions) + ")" : "";
			return start + "the file is read-only" + mode + "; make it writable (e.g. chmod u+w " + path + ")";
		}
		String mode = "mode " + PosixFilePermissions.toString(permissions);
		if (owner != null && !owner.equals(user)) {
			String self = (user != null) ? " (" + user + ")" : "";
			String chown = (user != null) ? "sudo chown " + user + " " + path : "chown or chmod";
			return start + "the file belongs to another user, " + owner + " (" + mode + "), and this user" + self
					+ " may not write it: run as " + owner + ", or give this user write access (e.g. " + chown + ")";
		}
		return start + "this user cannot write the file although its " + mode + " lets "
				+ ((owner != null) ? "its owner, " + owner + ", " : "its owner ")
				+ "write it (a read-only file system, an ACL or an immutable flag may refuse the write)";
	}

}
