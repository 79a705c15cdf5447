package io.bedrockbinding.registry;

import java.util.Optional;

import io.bedrockbinding.SettingHints;
import io.bedrockbinding.Severity;
import io.bedrockbinding.identifier.BedrockArn;
import io.bedrockbinding.identifier.ModelIds;
import org.jspecify.annotations.Nullable;

/**
 * Something wrong with a binding.
 *
 * @param modelId the model concerned
 * @param severity {@code ERROR}: calls will fail; {@code WARNING}: probably not meant
 * @param code what kind of problem
 * @param message what is wrong, with where it came from
 * @param origin the binding's origin, when there is a binding
 * @param suggestedTarget a target that would fix it, when one is known
 * @param hints the words of the layer that configured the registry, for the fix
 */
public record BindingProblem(String modelId, Severity severity, ProblemCode code, String message,
		@Nullable Origin origin, @Nullable String suggestedTarget, SettingHints hints) {

	/**
	 * A problem whose fix speaks in {@linkplain SettingHints#plain() plain} words.
	 * @param modelId the model concerned
	 * @param severity how bad it is
	 * @param code what kind of problem
	 * @param message what is wrong, with where it came from
	 * @param origin the binding's origin, when there is a binding
	 * @param suggestedTarget a target that would fix it, when one is known
	 */
	public BindingProblem(String modelId, Severity severity, ProblemCode code, String message, @Nullable Origin origin,
			@Nullable String suggestedTarget) {
		this(modelId, severity, code, message, origin, suggestedTarget, SettingHints.plain());
	}

	/**
	 * The warning of a configured region the AWS SDK does not know (a typo such as
	 * {@code us-esat-1}): the first problem of {@link BindingRegistry#validate()}, and
	 * what the command line's {@code show} and listings, which do not validate, warn of.
	 * @param region the configured region, or {@code null} for none
	 * @param hints how the application names the region's setting
	 * @return the {@link ProblemCode#UNKNOWN_REGION} problem, or empty for a known region
	 * or none
	 */
	public static Optional<BindingProblem> unknownRegion(@Nullable String region, SettingHints hints) {
		if (region == null || BedrockArn.isKnownRegion(region)) {
			return Optional.empty();
		}
		return Optional.of(new BindingProblem("", Severity.WARNING, ProblemCode.UNKNOWN_REGION,
				"the region " + region + ", from " + hints.region()
						+ ", is not one the AWS SDK knows, so no profile is "
						+ "derived for it, no binding is checked against it and calls to it fail: check the spelling "
						+ "(a new region needs a newer SDK to be known)",
				null, null, hints));
	}

	/**
	 * How to fix it: the inference.txt line (and the YAML, where the hints name a
	 * property of bindings) that would, or what to change.
	 * @return the fix
	 */
	public String fix() {
		if (this.suggestedTarget != null && (this.code == ProblemCode.LEGACY || this.code == ProblemCode.END_OF_LIFE)) {
			return "move to AWS's recommended successor: ask for it in the application, or bind " + this.modelId
					+ " to it; " + Fixes.bindingLines(this.modelId, this.suggestedTarget, this.hints, this.origin);
		}
		if (this.suggestedTarget != null) {
			return Fixes.bindingLines(this.modelId, this.suggestedTarget, this.hints, this.origin);
		}
		return switch (this.code) {
			case REQUIRED_UNBOUND -> requiredFix();
			case INVALID_TARGET, FILE_PROBLEM -> "correct or remove the binding at " + originText();
			case REGION_MISMATCH ->
				"nothing, if calling that region is meant; otherwise bind a profile of the configured region";
			case ACCOUNT_MISMATCH ->
				"check that the ARN's account is the one the application runs in, or use {account}";
			case UNKNOWN_MODEL -> "check the model ID's spelling; `inference-config search` lists the known ones";
			case OTHER_MODEL -> "nothing, if " + this.modelId + " is meant to call that model (an alias); otherwise "
					+ "bind it to a target of its own, at " + originText();
			case LEGACY, END_OF_LIFE ->
				"move to an active model (inference-config search lists the catalog's; AWS names no successor)";
			case UNKNOWN_REGION ->
				this.modelId.isEmpty() ? "set " + this.hints.region() + " to a region such as us-east-1 or eu-west-1"
						: "change the binding at " + originText();
			case UNKNOWN_GEO ->
				"use a geography the model has a profile in (inference-config search " + this.modelId + ")";
			default -> "change the binding at " + originText();
		};
	}

	/**
	 * The fix of a required model without a binding and without a known target.
	 * @return the model ID to list, or the line to add
	 */
	private String requiredFix() {
		String lowerCase = ModelIds.lowerCased(this.modelId);
		if (lowerCase != null) {
			return "list " + lowerCase + " in " + this.hints.requiredModels();
		}
		return (BindingValidator.notAModelId(this.modelId) != null)
				? "list the model ID in " + this.hints.requiredModels()
						+ ", not a profile ID or ARN: its binding names the profile"
				: Fixes.bindingLines(this.modelId, "<profile ID or ARN>", this.hints);
	}

	private String originText() {
		return (this.origin != null) ? this.origin.source() : this.modelId;
	}

	@Override
	public String toString() {
		return this.severity + " " + this.code + ": " + this.message;
	}

}
