package io.bedrockbinding.file;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message of a refused write follows from the file's attributes. Tests run as root,
 * who may write any file that has a write bit, so a file of another user cannot be
 * refused here for real: the choice is tested with given attributes.
 */
class WriteRefusalTests {

	private static final Path PATH = Path.of("/etc/bedrock/inference.txt");

	@Test
	void aFileOfAnotherUserThatItsOwnerMayWriteNamesTheOwnerAndNoChmod() {
		String message = WriteRefusal.message(PATH, PosixFilePermissions.fromString("rw-r--r--"), "root", "app");

		assertThat(message).isEqualTo("Cannot write " + PATH + ": the file belongs to another user, root "
				+ "(mode rw-r--r--), and this user (app) may not write it: run as root, or give this user write "
				+ "access (e.g. sudo chown app " + PATH + ")");
		assertThat(message).doesNotContain("read-only", "chmod u+w");
	}

	@Test
	void aModeWithoutOwnerWriteIsReadOnlyWhoeverOwnsIt() {
		String expected = "Cannot write " + PATH + ": the file is read-only (mode r--r--r--); make it writable "
				+ "(e.g. chmod u+w " + PATH + ")";

		assertThat(WriteRefusal.message(PATH, PosixFilePermissions.fromString("r--r--r--"), "root", "root"))
			.isEqualTo(expected);
		assertThat(WriteRefusal.message(PATH, PosixFilePermissions.fromString("r--r--r--"), "root", "app"))
			.isEqualTo(expected);
		assertThat(WriteRefusal.message(PATH, null, null, "app")).isEqualTo(
				"Cannot write " + PATH + ": the file is read-only; make it writable (e.g. chmod u+w " + PATH + ")");
	}

	@Test
	void aFileThisUserOwnsAndMayWriteByItsModeIsRefusedBySomethingElse() {
		String message = WriteRefusal.message(PATH, PosixFilePermissions.fromString("rw-r--r--"), "app", "app");

		assertThat(message)
			.startsWith("Cannot write " + PATH + ": this user cannot write the file although its "
					+ "mode rw-r--r-- lets its owner, app, write it")
			.contains("read-only file system")
			.doesNotContain("chmod", "another user");
	}

	@Test
	void anUnknownUserIsNotNamed() {
		assertThat(WriteRefusal.message(PATH, PosixFilePermissions.fromString("rw-r--r--"), "root", null))
			.contains("belongs to another user, root", "this user may not write it", "(e.g. chown or chmod)");
	}

}
