package io.bedrockbinding.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.discovery.ProfileDiscovery;
import io.bedrockbinding.file.FileReplacer;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.file.NewFilePermissions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code refresh-catalog --out PATH [--regions R,...]}: the model catalog, rebuilt from
 * the account.
 */
@Command(name = "refresh-catalog", mixinStandardHelpOptions = true, sortOptions = false,
		versionProvider = InferenceConfig.Version.class,
		description = { "Rebuilds the model catalog from the Bedrock control plane of the account "
				+ "(ListFoundationModels and ListInferenceProfiles in each region): which models exist, where they "
				+ "can be called on demand, where only through a profile, which geo profiles exist, and each model's "
				+ "lifecycle (status, legacy, public extended access and end-of-life dates) and provider name. Models "
				+ "no region reports keep their catalog entry; known models keep their successor and sources, new "
				+ "ones cite the API (source bedrock-api). Writes it in the catalog.json format, atomically.",
				"To refresh the catalog built into bedrock-binding, write it over "
						+ "bedrock-binding-core/src/main/resources/io/bedrockbinding/catalog/catalog.json.",
				"Credentials and endpoint as for discover." },
		footer = { "", "Examples:",
				"  inference-config refresh-catalog --regions us-east-1,us-west-2,eu-west-1 --out catalog.json" })
final class RefreshCatalogCommand extends ContextCommand {

	@Option(names = "--out", required = true, paramLabel = "PATH", converter = PathConverter.class,
			description = "Where to write the catalog.")
	private @Nullable Path out;

	@Option(names = "--regions", split = ",", paramLabel = "REGION", converter = RegionConverter.class,
			description = "Regions to ask (default: --region, else the SDK's region chain).")
	private @Nullable List<String> regions;

	@Override
	int run(CommandContext context) {
		Settings settings = context.settings();
		ModelCatalog refreshed;
		List<String> asked;
		try (ControlPlaneClients clients = new ControlPlaneClients(settings.profile(), settings.endpointUrl())) {
			asked = (this.regions != null && !this.regions.isEmpty()) ? this.regions
					: List.of(java.util.Optional.ofNullable(settings.region())
						.or(clients::defaultRegion)
						.orElseThrow(() -> new CommandException(
								"refresh-catalog needs a region: pass --regions (or --region, or set AWS_REGION)")));
			try {
				refreshed = new ProfileDiscovery(clients, context.catalog()).refreshCatalog(asked, context.clock());
			}
			catch (SdkException ex) {
				throw new CommandException("refreshing the catalog from " + asked + " failed: " + ex.getMessage(), ex);
			}
		}
		// '--out=~/...' reaches us unexpanded, as for --file
		Path target = InferenceFile.expandHome(java.util.Objects.requireNonNull(this.out, "--out")).toAbsolutePath();
		write(refreshed, target);
		if (context.json()) {
			context.printJson(new Refreshed(target.toString(), asked, refreshed.size()));
		}
		else {
			context.println("Wrote " + Counts.of(refreshed.size(), "model") + " (asked " + String.join(", ", asked)
					+ ") to " + target);
		}
		return ExitCode.OK;
	}

	/**
	 * Replaces the file atomically, as an inference file is written: a reader never sees
	 * half a catalog, and a symlink stays a link to the file it names. The file keeps the
	 * permissions it had (readers of a shared catalog still read it); a new one gets
	 * those of any new file (the umask's), not the owner-only ones of a new inference
	 * file.
	 * @param catalog the catalog to write
	 * @param target the file to write it to
	 */
	private static void write(ModelCatalog catalog, Path target) {
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		try {
			catalog.write(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			FileReplacer.replace(target, json.toByteArray(), NewFilePermissions.DEFAULT);
		}
		catch (IOException ex) {
			// the message names the file, what is wrong and the fix, as bind's does
			throw new CommandException(String.valueOf(ex.getMessage()), ex);
		}
	}

	/**
	 * What {@code --json} prints: the file written, the regions asked and how many models
	 * the catalog has, in that order.
	 *
	 * @param out the catalog file
	 * @param regions the regions asked
	 * @param models how many models it has
	 */
	record Refreshed(String out, List<String> regions, int models) {

	}

	/**
	 * Reads each of {@code --regions} as {@code --region} is read, so that the catalog
	 * never records a region AWS does not spell so ({@code " eu-west-1"},
	 * {@code "EU-WEST-1"}).
	 */
	static final class RegionConverter implements ITypeConverter<String> {

		@Override
		public String convert(String value) {
			String region = InferenceConfig.region(value);
			if (region == null) {
				throw new TypeConversionException("'" + value + "' is not a region (e.g. us-east-1)");
			}
			return region;
		}

	}

}
