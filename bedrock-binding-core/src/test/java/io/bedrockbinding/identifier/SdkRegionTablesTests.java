package io.bedrockbinding.identifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SdkRegionTables}: the tables the build writes are the SDK's, and are
 * used only while the SDK's region classes are the ones they were written from.
 */
class SdkRegionTablesTests {

	@Test
	void theBuildShipsTheTablesOfTheSdkOnTheClassPath() throws IOException {
		String shipped = shipped();
		assertThat(shipped).as("run the build (process-classes) to write " + SdkRegionTables.RESOURCE).isNotNull();
		SdkRegionTables read = SdkRegionTables.read(shipped);
		assertThat(read).as("written from these SDK classes").isNotNull();
		assertSameTables(read, SdkRegionTables.live(BedrockArn.ARN_PARTITIONS));
		assertSameTables(SdkRegionTables.load(BedrockArn.ARN_PARTITIONS), read);
	}

	@Test
	void tablesWrittenFromOtherSdkClassesAreNotUsed() throws IOException {
		String shipped = shipped();
		String other = shipped.replace("sources " + SdkRegionTables.fingerprint(), "sources 0");
		assertThat(other).isNotEqualTo(shipped);
		assertThat(SdkRegionTables.read(other)).isNull();
		String unstamped = shipped.replace("sources " + SdkRegionTables.fingerprint() + "\n", "");
		assertThat(SdkRegionTables.read(unstamped)).isNull();
	}

	@Test
	void aWriteReadsBack() {
		SdkRegionTables live = SdkRegionTables.live(BedrockArn.ARN_PARTITIONS);
		SdkRegionTables read = SdkRegionTables.read(SdkRegionTables.write(live));
		assertSameTables(read, live);
		assertThat(read.regionPartitions()).containsEntry("us-east-1", "aws")
			.containsEntry("us-gov-west-1", "aws-us-gov")
			.containsEntry("cn-north-1", "aws-cn");
		assertThat(read.partitionPatterns().keySet()).containsExactlyElementsOf(BedrockArn.ARN_PARTITIONS);
	}

	@Test
	void theFingerprintCoversThePartitionClassesTheProviderNames() {
		assertThat(SdkRegionTables.sources()).contains(
				"software/amazon/awssdk/regions/partitionmetadata/AwsPartitionMetadata.class",
				"software/amazon/awssdk/regions/partitionmetadata/AwsUsGovPartitionMetadata.class",
				"software/amazon/awssdk/regions/partitionmetadata/AwsCnPartitionMetadata.class");
		assertThat(SdkRegionTables.fingerprint()).doesNotStartWith("missing:").matches("[0-9a-f]{1,8}");
	}

	private static void assertSameTables(SdkRegionTables actual, SdkRegionTables expected) {
		assertThat(actual.regionPartitions()).isEqualTo(expected.regionPartitions());
		assertThat(patterns(actual)).isEqualTo(patterns(expected));
		assertThat(actual.partitionPatterns().keySet())
			.containsExactlyElementsOf(expected.partitionPatterns().keySet());
	}

	private static Map<String, String> patterns(SdkRegionTables tables) {
		Map<String, String> patterns = new LinkedHashMap<>();
		tables.partitionPatterns().forEach((partition, pattern) -> patterns.put(partition, pattern.pattern()));
		return patterns;
	}

	private static String shipped() throws IOException {
		try (InputStream in = SdkRegionTables.class.getResourceAsStream(SdkRegionTables.RESOURCE)) {
			return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : null;
		}
	}

}
