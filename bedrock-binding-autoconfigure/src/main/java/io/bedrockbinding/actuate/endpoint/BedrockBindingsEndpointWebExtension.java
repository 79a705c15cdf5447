package io.bedrockbinding.actuate.endpoint;

import java.io.UncheckedIOException;
import java.util.Set;

import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint.BedrockBindingsDescriptor;
import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint.BindingDescriptor;
import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint.Unbound;
import io.bedrockbinding.identifier.InvalidTargetException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} of the
 * {@link BedrockBindingsEndpoint}: decides per request whether account IDs are shown (the
 * caller's roles against {@code management.endpoint.bedrockbindings.roles}) and answers
 * with HTTP statuses: 404 for an unknown model, 400 with the validation message for an
 * invalid write.
 */
@EndpointWebExtension(endpoint = BedrockBindingsEndpoint.class)
public class BedrockBindingsEndpointWebExtension {

	private final BedrockBindingsEndpoint delegate;

	private final Show showValues;

	private final Set<String> roles;

	public BedrockBindingsEndpointWebExtension(BedrockBindingsEndpoint delegate, Show showValues, Set<String> roles) {
		this.delegate = delegate;
		this.showValues = showValues;
		this.roles = Set.copyOf(roles);
	}

	@ReadOperation
	public BedrockBindingsDescriptor bindings(SecurityContext securityContext, @Nullable Boolean all) {
		return this.delegate.bindings(Boolean.TRUE.equals(all), isShown(securityContext));
	}

	@ReadOperation
	public WebEndpointResponse<BindingDescriptor> binding(SecurityContext securityContext, @Selector String model) {
		BindingDescriptor binding = this.delegate.binding(model, isShown(securityContext));
		return (binding != null) ? new WebEndpointResponse<>(binding)
				: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
	}

	/**
	 * Binds {@code model} at runtime: 200 with the binding in force, 400 with a message
	 * for a body that lacks {@code model} or {@code target}, whose {@code persist} is no
	 * JSON boolean, or whose binding is invalid.
	 * @param securityContext the caller, whose roles decide whether values are shown
	 * @param model the model ID
	 * @param target the target
	 * @param persist {@code true} or {@code false}, or {@code null} when left out: taken
	 * as text, as Boot reads every value of the body ({@link #isTrueOrFalse})
	 * @return the response
	 */
	@WriteOperation
	public WebEndpointResponse<OperationResponseBody> bind(SecurityContext securityContext, @Nullable String model,
			@Nullable String target, @Nullable String persist) {
		boolean shown = isShown(securityContext);
		if (model == null || target == null) {
			// said here: Boot's own 400 for a missing parameter has no message
			return error(WebEndpointResponse.STATUS_BAD_REQUEST, "the body needs \"model\" and \"target\" (missing: "
					+ ((model != null) ? "target" : (target != null) ? "model" : "both")
					+ "), e.g. {\"model\": \"amazon.nova-lite-v1:0\", \"target\": \"us.amazon.nova-lite-v1:0\"}; "
					+ "\"target\": \"\" binds it direct", shown);
		}
		if (!isTrueOrFalse(persist)) {
			return persistError(persist, shown);
		}
		try {
			return new WebEndpointResponse<>(this.delegate.bind(model, target, "true".equals(persist), shown));
		}
		catch (InvalidTargetException | IllegalStateException ex) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST, ex, shown);
		}
		catch (UncheckedIOException ex) {
			return ioError(ex, shown);
		}
	}

	/**
	 * 200 with the binding in force afterwards; 204 when the model has no binding left;
	 * 404 when there was nothing to remove.
	 * @param securityContext the caller, whose roles decide whether values are shown
	 * @param model the model ID
	 * @param persist whether to remove its lines from the inference file too:
	 * {@code true} or {@code false}, or {@code null} when left out (a 400 otherwise)
	 * @return the response
	 */
	@DeleteOperation
	public WebEndpointResponse<OperationResponseBody> unbind(SecurityContext securityContext, @Selector String model,
			@Nullable String persist) {
		boolean shown = isShown(securityContext);
		if (!isTrueOrFalse(persist)) {
			return persistError(persist, shown);
		}
		Unbound unbound;
		try {
			unbound = this.delegate.unbind(model, "true".equals(persist), shown);
		}
		catch (IllegalStateException ex) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST, ex, shown);
		}
		catch (UncheckedIOException ex) {
			return ioError(ex, shown);
		}
		if (!unbound.removed()) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return (unbound.binding() != null) ? new WebEndpointResponse<>(unbound.binding())
				: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NO_CONTENT);
	}

	/**
	 * Whether {@code persist} is {@code true}, {@code false} or left out: the text Boot
	 * gives a parameter, checked here since Spring's conversion to a boolean would read
	 * {@code yes}, {@code on} or {@code 1} as true.
	 * @param persist the parameter
	 * @return whether it is one of those
	 */
	private static boolean isTrueOrFalse(@Nullable String persist) {
		return persist == null || persist.equals("true") || persist.equals("false");
	}

	private static WebEndpointResponse<OperationResponseBody> persistError(@Nullable String persist, boolean shown) {
		return error(WebEndpointResponse.STATUS_BAD_REQUEST,
				"\"persist\" must be true or false or left out (false), got " + persist, shown);
	}

	private boolean isShown(SecurityContext securityContext) {
		return this.showValues.isShown(securityContext, this.roles);
	}

	private static WebEndpointResponse<OperationResponseBody> error(int status, RuntimeException ex, boolean shown) {
		return error(status, (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName(), shown);
	}

	/**
	 * The inference file could not be written: nothing changed, and it is no fault of the
	 * request.
	 * @param ex what the registry threw
	 * @param shown whether account IDs are shown unmasked
	 * @return a 500 response that says why
	 */
	private static WebEndpointResponse<OperationResponseBody> ioError(UncheckedIOException ex, boolean shown) {
		return error(WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR,
				"Cannot write the inference file, nothing was changed: " + ex.getMessage(), shown);
	}

	private static WebEndpointResponse<OperationResponseBody> error(int status, String message, boolean shown) {
		return new WebEndpointResponse<>(new WriteErrorDescriptor(AccountMask.of(shown).text(message)), status);
	}

	/**
	 * Why a write was refused.
	 *
	 * @param message the validation message; nothing was changed
	 */
	public record WriteErrorDescriptor(String message) implements OperationResponseBody {
	}

}
