package io.bedrockbinding.identifier;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A parsed Bedrock ARN: {@code arn:PARTITION:bedrock:REGION:ACCOUNT:TYPE/ID}. Region and
 * account may be the templates {@code {region}} and {@code {account}}.
 *
 * @param partition {@code aws}, {@code aws-cn}, ...
 * @param region the region, or {@code {region}}
 * @param account the 12-digit account, {@code {account}}, or empty (foundation models)
 * @param resourceType {@code inference-profile}, {@code provisioned-model}, ...
 * @param resourceId what follows the resource type and its slash
 */
public record BedrockArn(String partition, String region, String account, String resourceType, String resourceId) {

	/** The account part that is filled in with the account ID when known. */
	public static final String ACCOUNT_TEMPLATE = "{account}";

	/** The region part that is filled in with the call's region. */
	public static final String REGION_TEMPLATE = "{region}";

	/**
	 * The partitions a Bedrock ARN may name (REFERENCE.md, from the SDK's service
	 * models).
	 */
	static final List<String> ARN_PARTITIONS = List.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b");

	/**
	 * The SDK's region tables (the one table of partitions): each ARN partition with the
	 * pattern of its region names, and every region ID the SDK knows with its partition,
	 * looked up once (the SDK's own look-up matches a regular expression per partition on
	 * every call, which every ARN of an inference file would pay).
	 */
	private static final SdkRegionTables TABLES = SdkRegionTables.load(ARN_PARTITIONS);

	private static final Map<String, Pattern> PARTITIONS = TABLES.partitionPatterns();

	private static final Map<String, String> KNOWN_REGIONS = TABLES.regionPartitions();

	/**
	 * The resource type of the routers Bedrock provides, and (in the API reference's
	 * pattern) of every router:
	 * {@code arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:
	 * default-prompt-router/[a-zA-Z0-9-:.]+}
	 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_PromptRouterSummary.html).
	 */
	public static final String DEFAULT_PROMPT_ROUTER = "default-prompt-router";

	/**
	 * The resource type of configured prompt routers, as the Service Authorization
	 * Reference lists it:
	 * {@code arn:${Partition}:bedrock:${Region}:${Account}:prompt-router/${ResourceId}}
	 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html).
	 */
	public static final String PROMPT_ROUTER = "prompt-router";

	private static final Map<String, TargetKind> KINDS = Map.of("inference-profile", TargetKind.PROFILE_ARN,
			"application-inference-profile", TargetKind.APPLICATION_PROFILE_ARN, "provisioned-model",
			TargetKind.PROVISIONED_MODEL_ARN, "custom-model", TargetKind.CUSTOM_MODEL_ARN, "imported-model",
			TargetKind.IMPORTED_MODEL_ARN, "foundation-model", TargetKind.FOUNDATION_MODEL_ARN, DEFAULT_PROMPT_ROUTER,
			TargetKind.PROMPT_ROUTER_ARN, PROMPT_ROUTER, TargetKind.PROMPT_ROUTER_ARN);

	/**
	 * Parses and validates an ARN.
	 * @throws InvalidTargetException naming the part that is wrong
	 */
	public static BedrockArn parse(String text) {
		if (text.length() > ModelIds.MAX_LENGTH) {
			throw new InvalidTargetException(ModelIds.abbreviate(text),
					"ARN is " + text.length() + " characters long, at most " + ModelIds.MAX_LENGTH + " are allowed");
		}
		// The five colons that separate the six parts (the resource ID may hold more).
		int[] colons = new int[5];
		int found = 0;
		for (int at = text.indexOf(':'); at >= 0 && found < 5; at = text.indexOf(':', at + 1)) {
			colons[found++] = at;
		}
		if (found < 5 || colons[0] != 3 || !text.startsWith("arn")) {
			throw new InvalidTargetException(text,
					"an ARN needs six ':'-separated parts, arn:partition:bedrock:region:account:type/id");
		}
		String partition = text.substring(colons[0] + 1, colons[1]);
		Pattern regions = PARTITIONS.get(partition);
		if (regions == null) {
			throw new InvalidTargetException(text,
					"partition must be one of " + String.join(", ", PARTITIONS.keySet()) + ", got '" + partition + "'");
		}
		if (colons[2] - colons[1] != 8 || !text.startsWith("bedrock", colons[1] + 1)) {
			throw new InvalidTargetException(text,
					"service must be 'bedrock', got '" + text.substring(colons[1] + 1, colons[2]) + "'");
		}
		String region = text.substring(colons[2] + 1, colons[3]);
		if (!region.equals(REGION_TEMPLATE)) {
			checkRegion(text, partition, regions, region);
		}
		String resource = text.substring(colons[4] + 1);
		int slash = resource.indexOf('/');
		if (slash <= 0) {
			throw new InvalidTargetException(text,
					"resource must be type/id (e.g. inference-profile/us.amazon.nova-pro-v1:0), got '" + resource
							+ "'");
		}
		String type = resource.substring(0, slash);
		String id = resource.substring(slash + 1);
		TargetKind kind = KINDS.get(type);
		if (kind == null) {
			throw new InvalidTargetException(text, "resource type must be one of "
					+ String.join(", ", new TreeSet<>(KINDS.keySet())) + ", got '" + type + "'");
		}
		String account = text.substring(colons[3] + 1, colons[4]);
		if (kind == TargetKind.FOUNDATION_MODEL_ARN) {
			if (!account.isEmpty()) {
				throw new InvalidTargetException(text,
						"a foundation-model ARN has an empty account (arn:aws:bedrock:REGION::foundation-model/ID), got '"
								+ account + "'");
			}
		}
		else if (!account.equals(ACCOUNT_TEMPLATE) && !consistsOf(account, 12, 12, BedrockArn::isDigit)) {
			throw new InvalidTargetException(text, "account must be 12 digits, got '" + account + "'");
		}
		validateResourceId(text, kind, id);
		return new BedrockArn(partition, region, account, type, id);
	}

	/**
	 * A region must have a region's characters and follow its partition's pattern, so
	 * that a made-up name ({@code r7}) never becomes a call (and an SDK client) of its
	 * own; a well-formed name the SDK does not know yet (a new region) is accepted.
	 */
	private static void checkRegion(String text, String partition, Pattern regions, String region) {
		if (!hasRegionChars(region)) {
			throw new InvalidTargetException(text,
					"region must be 1 to 20 of a-z, 0-9 and '-' (e.g. us-east-1) or {region}, got '" + region + "'");
		}
		String known = KNOWN_REGIONS.get(region);
		if ((known != null) ? known.equals(partition) : regions.matcher(region).matches()) {
			return;
		}
		String owner = PARTITIONS.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().matcher(region).matches())
			.map(Map.Entry::getKey)
			.findFirst()
			.map((other) -> "; it is a region name of partition " + other + " (arn:" + other + ":bedrock:...)")
			.orElse(" (such as us-east-1)");
		throw new InvalidTargetException(text,
				"region '" + region + "' is not an AWS region name of partition " + partition + owner);
	}

	/**
	 * What keeps {@code region} from being a region name, by the rule ARNs follow: 1 to
	 * 20 of a-z, 0-9 and '-', in the shape of the region names of a partition Bedrock
	 * ARNs may name (the SDK's partition patterns), or a region the SDK lists. A
	 * well-formed name the SDK does not list (a region newer than the SDK) is a region
	 * name.
	 * @param region a value given as a region
	 * @return what is wrong with it, or {@code null} for a region name
	 */
	public static @Nullable String regionNameProblem(String region) {
		if (!hasRegionChars(region)) {
			return "a region name is 1 to 20 of a-z, 0-9 and '-'";
		}
		if (KNOWN_REGIONS.containsKey(region)
				|| PARTITIONS.values().stream().anyMatch((pattern) -> pattern.matcher(region).matches())) {
			return null;
		}
		return "no AWS partition has region names of that shape";
	}

	/**
	 * Refuses a value that is not a region name at all ({@link #regionNameProblem}),
	 * naming it and what to give instead; a well-formed region the SDK does not know (a
	 * region newer than the SDK) passes.
	 * @param region the value given, or {@code null} for none
	 * @param setting where it was given, e.g. {@code withRegion}
	 * @return {@code region}
	 * @throws IllegalArgumentException if {@code region} is not a region name
	 */
	public static @Nullable String requireRegionName(@Nullable String region, String setting) {
		String problem = (region != null) ? regionNameProblem(region) : null;
		if (region == null || problem == null) {
			return region;
		}
		String mended = region.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		String use = (!mended.equals(region) && regionNameProblem(mended) == null) ? "use " + mended
				: "use a region such as us-east-1 or eu-west-1";
		throw new IllegalArgumentException(
				"The region '" + region + "' (" + setting + ") is not an AWS region name: " + problem + "; " + use);
	}

	/**
	 * The partition of a region: {@code aws}, {@code aws-cn}, {@code aws-us-gov},
	 * {@code aws-iso}, {@code aws-iso-b} (or another the SDK knows), as the SDK's
	 * partition metadata tells; {@code aws} for a name no partition claims.
	 * @param region a region ID such as {@code us-isob-east-1}
	 * @return the partition ID, for the second part of an ARN
	 */
	public static String partitionOf(String region) {
		String known = KNOWN_REGIONS.get(region);
		return (known != null) ? known : SdkRegionTables.livePartitionOf(region);
	}

	/**
	 * Whether the SDK knows {@code region} (its region metadata lists it, and not as a
	 * global pseudo-region such as {@code aws-global}). A well-formed region it does not
	 * know may be new, or a typo.
	 * @param region a region ID
	 * @return true if the SDK lists the region
	 */
	public static boolean isKnownRegion(String region) {
		return KNOWN_REGIONS.containsKey(region);
	}

	private static void validateResourceId(String text, TargetKind kind, String id) {
		switch (kind) {
			case PROFILE_ARN -> {
				if (!ModelIds.isSystemProfileId(id)) {
					throw new InvalidTargetException(text,
							"inference-profile ID must be a system profile ID such as us.amazon.nova-pro-v1:0, got '"
									+ id + "'");
				}
			}
			case APPLICATION_PROFILE_ARN -> {
				if (!consistsOf(id, 1, 64, BedrockArn::isApplicationProfileChar)) {
					throw new InvalidTargetException(text,
							"application-inference-profile ID must be 1 to 64 of a-z, A-Z, 0-9, '-', ':' and '.', got '"
									+ id + "'");
				}
			}
			case PROVISIONED_MODEL_ARN, IMPORTED_MODEL_ARN -> requireTwelve(text, kind, id);
			case CUSTOM_MODEL_ARN -> {
				int slash = id.lastIndexOf('/');
				if (slash <= 0 || !ModelIds.isModelId(id.substring(0, slash))) {
					throw new InvalidTargetException(text,
							"custom-model ID must be <base model ID>/<12 characters a-z0-9>, got '" + id + "'");
				}
				requireTwelve(text, kind, id.substring(slash + 1));
			}
			case PROMPT_ROUTER_ARN -> {
				// [a-zA-Z0-9-:.]+, the ID pattern of API_PromptRouterSummary
				if (!consistsOf(id, 1, ModelIds.MAX_LENGTH, BedrockArn::isApplicationProfileChar)) {
					throw new InvalidTargetException(text,
							"prompt-router ID must be a-z, A-Z, 0-9, '-', ':' and '.'" + ", got '" + id + "'");
				}
			}
			case FOUNDATION_MODEL_ARN -> {
				if (!ModelIds.isModelId(id)) {
					throw new InvalidTargetException(text,
							"foundation-model ID must be a model ID such as amazon.nova-pro-v1:0, got '" + id + "'");
				}
			}
			default -> throw new IllegalStateException(kind.name());
		}
	}

	private static void requireTwelve(String text, TargetKind kind, String id) {
		if (!consistsOf(id, 12, 12, BedrockArn::isLowerOrDigit)) {
			String type = kind.name().toLowerCase(Locale.ROOT).replace("_arn", "").replace('_', '-');
			throw new InvalidTargetException(text, type + " ID must be 12 characters of a-z and 0-9, got '" + id + "'");
		}
	}

	/**
	 * Whether {@code text} has {@code min} to {@code max} characters, all accepted (no
	 * regex: every file line comes here).
	 */
	private static boolean consistsOf(String text, int min, int max, IntPredicate accepted) {
		int length = text.length();
		if (length < min || length > max) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (!accepted.test(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDigit(int c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isLowerOrDigit(int c) {
		return (c >= 'a' && c <= 'z') || isDigit(c);
	}

	private static boolean hasRegionChars(String region) {
		return consistsOf(region, 1, 20, BedrockArn::isRegionChar);
	}

	private static boolean isRegionChar(int c) {
		return isLowerOrDigit(c) || c == '-';
	}

	private static boolean isApplicationProfileChar(int c) {
		return isLowerOrDigit(c) || (c >= 'A' && c <= 'Z') || c == '-' || c == ':' || c == '.';
	}

	public TargetKind kind() {
		return KINDS.get(this.resourceType);
	}

	public boolean hasTemplate() {
		return this.region.equals(REGION_TEMPLATE) || this.account.equals(ACCOUNT_TEMPLATE);
	}

	public BedrockArn withRegion(String region) {
		return new BedrockArn(this.partition, region, this.account, this.resourceType, this.resourceId);
	}

	public BedrockArn withAccount(String account) {
		return new BedrockArn(this.partition, this.region, account, this.resourceType, this.resourceId);
	}

	@Override
	public String toString() {
		return "arn:" + this.partition + ":bedrock:" + this.region + ":" + this.account + ":" + this.resourceType + "/"
				+ this.resourceId;
	}

}
