package io.bedrockbinding.identifier;

import java.util.Optional;

/**
 * What a model ID is bound to. {@link #value()} is what goes into the {@code modelId} of
 * a Converse call; {@link #region()} is the region an ARN says the call must be sent to.
 */
public sealed interface BindingTarget permits BindingTarget.Direct, BindingTarget.SystemProfile, BindingTarget.Arn {

	/**
	 * The string Bedrock is called with.
	 * @return the string Bedrock is called with
	 */
	String value();

	TargetKind kind();

	/**
	 * The region a call must be sent to, when the target names one (ARNs).
	 * @return the ARN's region, or empty
	 */
	default Optional<String> region() {
		return Optional.empty();
	}

	/**
	 * Whether {@code {account}} or {@code {region}} still has to be filled in.
	 * @return whether {@code {account}} or {@code {region}} still has to be filled in
	 */
	default boolean hasTemplate() {
		return false;
	}

	/**
	 * Fills in {@code {account}} and {@code {region}}.
	 * @param values the values to fill in
	 * @return the target with the templates filled in
	 * @throws UnresolvedTemplateException when a value the target needs is not known
	 */
	default BindingTarget resolve(TemplateValues values) {
		return this;
	}

	/**
	 * The foundation model a call to this target reaches, when the target names it: the
	 * model ID of a direct target, of a system profile (by ID or ARN) and of a
	 * foundation-model ARN. An application profile or a provisioned, custom or imported
	 * model does not name it.
	 * @return the model ID, or empty
	 */
	default Optional<String> namedModel() {
		if (this instanceof Direct direct) {
			return Optional.of(direct.modelId());
		}
		if (this instanceof SystemProfile profile) {
			return Optional.of(profile.modelId());
		}
		BedrockArn arn = ((Arn) this).arn();
		if (kind() == TargetKind.FOUNDATION_MODEL_ARN) {
			return Optional.of(arn.resourceId());
		}
		if (kind() == TargetKind.PROFILE_ARN && ModelIds.isSystemProfileId(arn.resourceId())) {
			String id = arn.resourceId();
			return Optional.of(id.substring(id.indexOf('.') + 1));
		}
		return Optional.empty();
	}

	/**
	 * The direct binding of {@code modelId}.
	 * @param modelId the model ID
	 * @return the direct binding of {@code modelId}
	 */
	static BindingTarget direct(String modelId) {
		return new Direct(ModelIds.requireModelId(modelId));
	}

	/**
	 * Parses the target of {@code modelId}: empty or the model ID itself is direct.
	 * @param modelId the model ID
	 * @param text the target text
	 * @return the target
	 * @throws InvalidTargetException naming what is wrong
	 */
	static BindingTarget parse(String modelId, String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return new Direct(modelId);
		}
		return parse(trimmed);
	}

	/**
	 * Parses a non-empty target: a model ID, a system profile ID or a Bedrock ARN.
	 * @param text the target text
	 * @return the target
	 * @throws InvalidTargetException naming what is wrong
	 */
	static BindingTarget parse(String text) {
		if (text.isEmpty()) {
			throw new InvalidTargetException(text, "target is empty");
		}
		if (text.length() > ModelIds.MAX_LENGTH) {
			throw new InvalidTargetException(ModelIds.abbreviate(text),
					"target is " + text.length() + " characters long, at most " + ModelIds.MAX_LENGTH + " are allowed");
		}
		if (text.startsWith("arn:")) {
			return new Arn(BedrockArn.parse(text));
		}
		if (ModelIds.isSystemProfileId(text)) {
			int dot = text.indexOf('.');
			return new SystemProfile(text.substring(0, dot), text.substring(dot + 1));
		}
		if (ModelIds.isModelId(text)) {
			return new Direct(text);
		}
		if (text.contains("{")) {
			throw new InvalidTargetException(text, "templates {account} and {region} are allowed only inside an ARN");
		}
		String lowerCase = ModelIds.lowerCasedTarget(text);
		if (lowerCase != null) {
			throw new InvalidTargetException(ModelIds.abbreviate(text), ModelIds.lowerCaseAdvice(lowerCase));
		}
		throw new InvalidTargetException(ModelIds.abbreviate(text),
				"target must be empty (direct), a model ID, a profile ID such as us.amazon.nova-pro-v1:0, or a Bedrock ARN"
						+ hint(text));
	}

	/**
	 * What in a target that is none is most likely the mistake: a second {@code =} (two
	 * bindings run together), or a space (the targets of a chain without their commas). A
	 * {@code #} is the reader's to explain: a comment must have a line of its own.
	 * @param text the target text
	 * @return the hint, with its leading space, or empty
	 */
	private static String hint(String text) {
		if (text.indexOf('#') >= 0) {
			return "";
		}
		if (text.indexOf('=') >= 0) {
			return " (a target holds no '=': a line binds one model, the one left of its first '=')";
		}
		if (text.chars().anyMatch(Character::isWhitespace)) {
			return " (a target holds no spaces: a failover chain separates its targets with commas)";
		}
		return "";
	}

	/**
	 * The plain model ID, invoked on demand.
	 *
	 * @param modelId the model ID
	 */
	record Direct(String modelId) implements BindingTarget {

		@Override
		public String value() {
			return this.modelId;
		}

		@Override
		public TargetKind kind() {
			return TargetKind.DIRECT;
		}

		@Override
		public String toString() {
			return this.modelId;
		}

	}

	/**
	 * A system-defined cross-region profile: {@code geo.modelId}.
	 *
	 * @param geo the geography's prefix, e.g. {@code us}
	 * @param modelId the model ID the profile routes to
	 */
	record SystemProfile(String geo, String modelId) implements BindingTarget {

		@Override
		public String value() {
			return this.geo + "." + this.modelId;
		}

		@Override
		public TargetKind kind() {
			return TargetKind.SYSTEM_PROFILE;
		}

		@Override
		public String toString() {
			return value();
		}

	}

	/**
	 * Any Bedrock ARN; its kind follows the resource type.
	 *
	 * @param arn the parsed ARN
	 */
	record Arn(BedrockArn arn) implements BindingTarget {

		@Override
		public String value() {
			return this.arn.toString();
		}

		@Override
		public TargetKind kind() {
			return this.arn.kind();
		}

		@Override
		public Optional<String> region() {
			return this.arn.region().equals(BedrockArn.REGION_TEMPLATE) ? Optional.empty()
					: Optional.of(this.arn.region());
		}

		@Override
		public boolean hasTemplate() {
			return this.arn.hasTemplate();
		}

		@Override
		public BindingTarget resolve(TemplateValues values) {
			if (!hasTemplate()) {
				return this;
			}
			BedrockArn resolved = this.arn;
			if (resolved.region().equals(BedrockArn.REGION_TEMPLATE)) {
				String region = values.region();
				if (region == null) {
					throw new UnresolvedTemplateException(value(), BedrockArn.REGION_TEMPLATE,
							"set " + values.hints().region() + " (or the pipe's region)");
				}
				resolved = resolved.withRegion(region);
			}
			if (resolved.account().equals(BedrockArn.ACCOUNT_TEMPLATE)) {
				String account = values.account().get();
				if (account == null) {
					throw new UnresolvedTemplateException(value(), BedrockArn.ACCOUNT_TEMPLATE,
							"set " + values.hints().accountId() + " (12 digits, or 'auto' to ask STS)");
				}
				resolved = resolved.withAccount(account);
			}
			BedrockArn parsed = BedrockArn.parse(resolved.toString());
			// a value with ':' would shift the ARN's parts and could still parse, as
			// another kind
			if (!parsed.equals(resolved) || parsed.hasTemplate()) {
				throw new InvalidTargetException(resolved.toString(),
						"the values filled in for {region} and {account} must not contain ':' or a template");
			}
			return new Arn(parsed);
		}

		@Override
		public String toString() {
			return value();
		}

	}

}
