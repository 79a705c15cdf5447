package io.bedrockbinding.cli;

import java.net.URI;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The global options of one run, checked.
 *
 * @param file the inference file
 * @param fileOption the {@code --file} as the user gave it, or {@code null} when none was
 * given (for the commands that messages suggest, see {@link CommandHint})
 * @param region the region applications call from, if given
 * @param accountId the 12-digit account ARNs are checked against, if given
 * @param profile the AWS profile whose credentials (and region) discovery uses
 * @param endpointUrl the Bedrock endpoint to call instead of AWS's (e.g. LocalBedrock)
 * @param json whether output is JSON
 */
record Settings(Path file, @Nullable Path fileOption, @Nullable String region, @Nullable String accountId,
		@Nullable String profile, @Nullable URI endpointUrl, boolean json) {
}
