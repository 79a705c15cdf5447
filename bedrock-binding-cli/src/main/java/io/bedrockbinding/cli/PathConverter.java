package io.bedrockbinding.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a path option ({@code --file}, {@code --catalog}, {@code --out}): an empty one is
 * a usage error, not the working folder that {@code Path.of("")} is (an unset variable in
 * {@code --file "$FILE"} would otherwise edit, or report, the folder the tool runs in).
 */
final class PathConverter implements ITypeConverter<Path> {

	@Override
	public Path convert(String value) {
		if (value.isBlank()) {
			throw new TypeConversionException("'" + value + "' is no path: give the path of a file (an empty value "
					+ "is often an unset shell variable)");
		}
		try {
			return Path.of(value);
		}
		catch (InvalidPathException ex) {
			throw new TypeConversionException("'" + value + "' is no path: " + ex.getReason());
		}
	}

}
