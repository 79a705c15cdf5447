package io.bedrockbinding.identifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.GeneratedPartitionMetadataProvider;
import software.amazon.awssdk.regions.PartitionMetadataProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS SDK's region tables that ARN checks use: the regions the SDK knows, each with
 * its partition, and the region pattern of each partition an ARN may name. The core
 * module's build writes them from the SDK on its class path ({@code sdk-regions.txt}),
 * with a CRC-32 of the SDK classes they come from; at run time they are used only while
 * those classes are byte for byte the same, else they are asked of the SDK. Reading them
 * spares a start-up the SDK's region and partition classes, which build endpoint tables
 * (and initialise logging) that an ARN check does not need.
 */
public final class SdkRegionTables {

	static final String RESOURCE = "/io/bedrockbinding/identifier/sdk-regions.txt";

	/**
	 * The SDK classes the tables come from, besides the partition metadata classes the
	 * provider names.
	 */
	private static final String[] SOURCES = { "software/amazon/awssdk/regions/Region.class",
			"software/amazon/awssdk/regions/GeneratedPartitionMetadataProvider.class" };

	private final Map<String, String> regionPartitions;

	private final Map<String, Pattern> partitionPatterns;

	private SdkRegionTables(Map<String, String> regionPartitions, Map<String, Pattern> partitionPatterns) {
		this.regionPartitions = Map.copyOf(regionPartitions);
		this.partitionPatterns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(partitionPatterns));
	}

	/**
	 * The build step: writes the tables of the SDK on the class path.
	 * @param args the file to write
	 * @throws IOException if it cannot be written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			throw new IllegalArgumentException("usage: SdkRegionTables OUTPUT");
		}
		Path output = Path.of(args[0]);
		Files.createDirectories(output.toAbsolutePath().getParent());
		Files.writeString(output, write(live(BedrockArn.ARN_PARTITIONS)), StandardCharsets.UTF_8);
	}

	/**
	 * The tables of the SDK on the class path, from the build's file when it was written
	 * from these SDK classes, else asked of the SDK.
	 * @param partitions the partitions whose region patterns are wanted
	 * @return the tables
	 */
	static SdkRegionTables load(List<String> partitions) {
		String written = resource(RESOURCE);
		SdkRegionTables tables = (written != null) ? read(written) : null;
		if (tables != null && tables.partitionPatterns.keySet().equals(new LinkedHashSet<>(partitions))) {
			return tables;
		}
		return live(partitions);
	}

	/**
	 * The tables as the SDK gives them. The SDK's global pseudo-regions
	 * ({@code aws-global}, {@code aws-us-gov-global}, ...;
	 * {@link Region#isGlobalRegion()}) are left out: they name the global endpoints of
	 * global services, no region a Bedrock ARN can be in, and none matches its
	 * partition's region pattern.
	 * @param partitions the partitions whose region patterns are wanted
	 * @return the tables
	 */
	static SdkRegionTables live(List<String> partitions) {
		Map<String, String> regions = new LinkedHashMap<>();
		for (Region region : Region.regions()) {
			if (!region.isGlobalRegion()) {
				regions.put(region.id(), Live.PARTITIONS.partitionMetadata(region).id());
			}
		}
		Map<String, Pattern> patterns = new LinkedHashMap<>();
		for (String partition : partitions) {
			patterns.put(partition, Pattern.compile(Live.PARTITIONS.partitionMetadata(partition).regionRegex()));
		}
		return new SdkRegionTables(regions, patterns);
	}

	/**
	 * The partition of a region the tables do not list, as the SDK tells it.
	 * @param region a region ID
	 * @return the partition ID
	 */
	static String livePartitionOf(String region) {
		return Live.PARTITIONS.partitionMetadata(Region.of(region)).id();
	}

	/**
	 * Reads the tables a build wrote, if they were written from these SDK classes.
	 * @param text the build's file
	 * @return the tables, or {@code null} when the SDK classes differ
	 */
	static @Nullable SdkRegionTables read(String text) {
		Map<String, String> regions = new LinkedHashMap<>();
		Map<String, Pattern> patterns = new LinkedHashMap<>();
		boolean sameSources = false;
		for (String line : text.split("\n")) {
			int space = line.indexOf(' ');
			if (line.startsWith("#") || space < 0) {
				continue;
			}
			String rest = line.substring(space + 1);
			int second = rest.indexOf(' ');
			String key = (second < 0) ? rest : rest.substring(0, second);
			String value = (second < 0) ? "" : rest.substring(second + 1);
			switch (line.substring(0, space)) {
				case "sources" -> {
					if (!key.equals(fingerprint())) {
						return null;
					}
					sameSources = true;
				}
				case "partition" -> patterns.put(key, Pattern.compile(value));
				case "region" -> regions.put(key, value);
				default -> {
					return null;
				}
			}
		}
		return (!sameSources || regions.isEmpty() || patterns.isEmpty()) ? null
				: new SdkRegionTables(regions, patterns);
	}

	static String write(SdkRegionTables tables) {
		List<String> lines = new ArrayList<>();
		lines.add("# The AWS SDK's region tables, written by the build (SdkRegionTables) from the SDK classes");
		lines.add("# whose CRC-32 follows; used only while those classes are the same.");
		lines.add("sources " + fingerprint());
		tables.partitionPatterns.forEach((partition, pattern) -> lines.add("partition " + partition + " " + pattern));
		tables.regionPartitions.forEach((region, partition) -> lines.add("region " + region + " " + partition));
		return String.join("\n", lines) + "\n";
	}

	/**
	 * The CRC-32 of the SDK classes the tables come from: the region list, the partition
	 * provider and every partition's metadata class it names (read as bytes, not loaded).
	 * @return the CRC-32 in hexadecimal, or {@code missing:} and the class not found
	 */
	static String fingerprint() {
		CRC32 crc = new CRC32();
		for (String source : sources()) {
			String bytes = resource("/" + source);
			if (bytes == null) {
				return "missing:" + source;
			}
			crc.update(bytes.getBytes(StandardCharsets.ISO_8859_1));
		}
		return Long.toHexString(crc.getValue());
	}

	/**
	 * The class files the tables come from: {@link #SOURCES} and the partition metadata
	 * classes the provider's class file names.
	 * @return their resource names
	 */
	static Set<String> sources() {
		Set<String> sources = new LinkedHashSet<>(List.of(SOURCES));
		sources.addAll(partitionClasses(resource("/" + SOURCES[1])));
		return sources;
	}

	/**
	 * The partition metadata classes the provider's class file names.
	 * @param providerClass the provider's class file, one char a byte
	 * @return the class files of the partitions, as resource names
	 */
	private static List<String> partitionClasses(@Nullable String providerClass) {
		List<String> classes = new ArrayList<>();
		if (providerClass == null) {
			return classes;
		}
		String prefix = "software/amazon/awssdk/regions/partitionmetadata/";
		for (int at = providerClass.indexOf(prefix); at >= 0; at = providerClass.indexOf(prefix, at + 1)) {
			int end = at + prefix.length();
			while (end < providerClass.length() && Character.isJavaIdentifierPart(providerClass.charAt(end))) {
				end++;
			}
			String name = providerClass.substring(at, end) + ".class";
			if (!classes.contains(name)) {
				classes.add(name);
			}
		}
		return classes;
	}

	private static @Nullable String resource(String name) {
		try (InputStream in = SdkRegionTables.class.getResourceAsStream(name)) {
			// ISO-8859-1 keeps every byte as one char
			return (in != null) ? new String(in.readAllBytes(), StandardCharsets.ISO_8859_1) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + name, ex);
		}
	}

	Map<String, String> regionPartitions() {
		return this.regionPartitions;
	}

	Map<String, Pattern> partitionPatterns() {
		return this.partitionPatterns;
	}

	/**
	 * The SDK's partition metadata, made on first use and asked directly:
	 * {@code PartitionMetadata.of(...)} asks the same provider through the SDK's metadata
	 * loader, which first builds the endpoint metadata of every AWS service (about 400
	 * classes).
	 */
	private static final class Live {

		static final PartitionMetadataProvider PARTITIONS = new GeneratedPartitionMetadataProvider();

	}

}
