package io.bedrockbinding.file;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Why an existing file that {@link FileReplacer} must not write is refused, and the fix
 * that can help: {@code chmod u+w} only where the mode is what keeps its owner from
 * writing it.
 */
final class WriteRefusal {

	private WriteRefusal() {
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
		String start = "Cannot write " + path + ": ";
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
