package io.bedrockbinding.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.identifier.BedrockArn;
import org.jspecify.annotations.Nullable;

/**
 * The prompt routers of one {@link LocalBedrock} (Bedrock's intelligent prompt routing),
 * in creation order. A router answers a Converse or ConverseStream call from one of its
 * models; which one follows from a hash of the request body, so the same request always
 * goes to the same model and a test can tell which one answered (the reply's
 * {@code trace.promptRouter.invokedModelId} and {@link JournalEntry#routedModelId()}).
 * <p>
 * ARN shapes: routers Bedrock provides are {@code ...:default-prompt-router/ID}
 * (API_PromptRouterSummary,
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_PromptRouterSummary.html),
 * configured routers {@code ...:prompt-router/ID} (resource type {@code prompt-router} of
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html).
 * Configured routers get a 12-character ID derived from account, region, name and a
 * sequence number, so a test run sees the same ARNs every time.
 */
public final class PromptRouters {

	private static final char[] ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private final ModelCatalog catalog;

	private final String account;

	private final Map<String, PromptRouter> byArn = new LinkedHashMap<>();

	private long sequence;

	PromptRouters(ModelCatalog catalog, String account) {
		this.catalog = catalog;
		this.account = account;
	}

	/**
	 * Adds a router as Bedrock provides them ({@code type} {@code default}).
	 * @param id the router's ID, the part after {@code default-prompt-router/}
	 * @param region the region it serves
	 * @param fallbackModelId the catalog model it answers with when no other fits
	 * @param modelIds the catalog models it routes between (the fallback may be one)
	 * @return its ARN, {@code arn:aws:bedrock:REGION:ACCOUNT:default-prompt-router/ID}
	 * @throws IllegalArgumentException for an invalid ID, an unknown model or one not
	 * offered in the region, or an ARN in use
	 */
	public String addDefault(String id, String region, String fallbackModelId, String... modelIds) {
		return add(BedrockArn.DEFAULT_PROMPT_ROUTER, id, id, "default", region, fallbackModelId, modelIds);
	}

	/**
	 * Creates a configured router, as CreatePromptRouter would ({@code type}
	 * {@code custom}).
	 * @param name its name
	 * @param region the region it lives in and must be called from
	 * @param fallbackModelId the catalog model it answers with when no other fits
	 * @param modelIds the catalog models it routes between (the fallback may be one)
	 * @return its ARN, {@code arn:aws:bedrock:REGION:ACCOUNT:prompt-router/ID}
	 * @throws IllegalArgumentException for an unknown model, one not offered in the
	 * region, or a name in use
	 */
	public synchronized String create(String name, String region, String fallbackModelId, String... modelIds) {
		if (name.isBlank() || name.length() > 64) {
			throw new IllegalArgumentException("A prompt router name must have 1 to 64 characters, got '" + name + "'");
		}
		for (PromptRouter existing : this.byArn.values()) {
			if (existing.region().equals(region) && existing.name().equals(name)) {
				throw new IllegalArgumentException(
						"A prompt router named '" + name + "' already exists in " + region + ": " + existing.arn());
			}
		}
		return add(BedrockArn.PROMPT_ROUTER, newId(name, region), name, "custom", region, fallbackModelId, modelIds);
	}

	/**
	 * Every router, oldest first.
	 * @return the routers
	 */
	public synchronized List<PromptRouter> all() {
		return List.copyOf(this.byArn.values());
	}

	private synchronized String add(String resourceType, String id, String name, String type, String region,
			String fallbackModelId, String... modelIds) {
		String arn = new BedrockArn(Arns.partition(region), region, this.account, resourceType, id).toString();
		// the ARN's rules (region, ID characters) are the pipe's: one home
		BedrockArn.parse(arn);
		if (this.byArn.containsKey(arn)) {
			throw new IllegalArgumentException("A prompt router " + arn + " already exists");
		}
		ModelInfo fallback = offered(fallbackModelId, region);
		Set<ModelInfo> models = new LinkedHashSet<>();
		for (String modelId : modelIds) {
			models.add(offered(modelId, region));
		}
		if (models.isEmpty()) {
			throw new IllegalArgumentException("A prompt router needs at least one model");
		}
		PromptRouter router = new PromptRouter(arn, name, type, region, fallback, List.copyOf(models), Instant.now());
		this.byArn.put(arn, router);
		return arn;
	}

	synchronized Optional<PromptRouter> byArn(String arn) {
		return Optional.ofNullable(this.byArn.get(arn));
	}

	synchronized List<PromptRouter> inRegion(String region, @Nullable String type) {
		List<PromptRouter> routers = new ArrayList<>();
		for (PromptRouter router : this.byArn.values()) {
			if (router.region().equals(region) && (type == null || router.type().equals(type))) {
				routers.add(router);
			}
		}
		return routers;
	}

	synchronized void clear() {
		this.byArn.clear();
		this.sequence = 0;
	}

	/**
	 * The model a router answers {@code body} with: one of its models and its fallback,
	 * picked by a hash of the body.
	 * @param router the router called
	 * @param body the request body
	 * @return the model that answers
	 */
	static ModelInfo route(PromptRouter router, byte[] body) {
		List<ModelInfo> candidates = router.candidates();
		int hash = sha256(body)[0] & 0xff;
		return candidates.get(hash % candidates.size());
	}

	private ModelInfo offered(String modelId, String region) {
		ModelInfo model = this.catalog.find(modelId)
			.orElseThrow(() -> new IllegalArgumentException("'" + modelId + "' is not a catalog model ID"));
		if (!model.availableIn(region)) {
			throw new IllegalArgumentException(modelId + " is not offered in " + region + "; the catalog offers it in "
					+ String.join(", ", model.regions()));
		}
		return model;
	}

	private String newId(String name, String region) {
		byte[] digest = sha256((this.account + '\n' + region + '\n' + name + '\n' + (this.sequence++))
			.getBytes(StandardCharsets.UTF_8));
		StringBuilder id = new StringBuilder(12);
		for (int i = 0; i < 12; i++) {
			id.append(ID_CHARACTERS[(digest[i] & 0xff) % ID_CHARACTERS.length]);
		}
		return id.toString();
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/**
	 * One prompt router.
	 *
	 * @param arn its ARN
	 * @param name its name (a default router's is its ID)
	 * @param type {@code default} or {@code custom}, as ListPromptRouters reports it
	 * @param region the region it lives in
	 * @param fallback the model it answers with when no other fits
	 * @param models the models it routes between
	 * @param createdAt when it was created
	 */
	public record PromptRouter(String arn, String name, String type, String region, ModelInfo fallback,
			List<ModelInfo> models, Instant createdAt) {

		public PromptRouter {
			models = List.copyOf(models);
		}

		/**
		 * The models a call may be answered by: the models, then the fallback.
		 * @return the candidates, without duplicates
		 */
		public List<ModelInfo> candidates() {
			Set<ModelInfo> all = new LinkedHashSet<>(this.models);
			all.add(this.fallback);
			return List.copyOf(all);
		}

	}

}
