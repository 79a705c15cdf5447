package io.bedrockbinding.actuate.endpoint;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * The descriptors the {@code bedrockbindings} endpoint returns, serialised to JSON
 * reflectively, for AOT-processed applications (a GraalVM native image above all). Only
 * when actuator is on the class path: the descriptors implement its
 * {@code OperationResponseBody}. Registered in {@code META-INF/spring/aot.factories}.
 */
public class BedrockBindingsEndpointRuntimeHints implements RuntimeHintsRegistrar {

	private static final String OPERATION_RESPONSE_BODY = "org.springframework.boot.actuate.endpoint.OperationResponseBody";

	/** Every type the endpoint's operations return; nested types are found from them. */
	static final List<String> DESCRIPTORS = List.of(
			BedrockBindingsEndpoint.class.getName() + "$BedrockBindingsDescriptor",
			BedrockBindingsEndpoint.class.getName() + "$BindingDescriptor",
			BedrockBindingsEndpointWebExtension.class.getName() + "$WriteErrorDescriptor");

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(OPERATION_RESPONSE_BODY, classLoader)) {
			return;
		}
		BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
		for (String descriptor : DESCRIPTORS) {
			bindings.registerReflectionHints(hints.reflection(), ClassUtils.resolveClassName(descriptor, classLoader));
		}
	}

}
