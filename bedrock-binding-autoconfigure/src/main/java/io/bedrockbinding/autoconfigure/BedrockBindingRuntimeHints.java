package io.bedrockbinding.autoconfigure;

import io.bedrockbinding.autoconfigure.client.BedrockInterceptorProperties;
import io.bedrockbinding.autoconfigure.endpoint.BedrockBindingsEndpointProperties;
import io.bedrockbinding.autoconfigure.health.BedrockBindingsHealthProperties;
import io.bedrockbinding.autoconfigure.local.LocalBedrockProperties;
import io.bedrockbinding.catalog.CompactCatalog;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.pipe.EmbeddingResult;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.pipe.TokenUsage;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What an AOT-processed application (a GraalVM native image above all) must keep of
 * bedrock-binding for use at run time: the built-in catalog, read as a class-path
 * resource (its JSON and the compact form the build derives from it, which is read when
 * it matches the JSON), and the types that are bound or serialised reflectively (the
 * configuration properties, the pipe's results that applications return as JSON).
 * Registered in {@code META-INF/spring/aot.factories}. bedrock-binding loads no SDK class
 * reflectively itself: the optional STS and control-plane modules are detected with
 * {@code @ConditionalOnClass}, which AOT processing evaluates at build time, and the
 * SDK's own reflective pieces come with metadata in the SDK's jars.
 */
public class BedrockBindingRuntimeHints implements RuntimeHintsRegistrar {

	/** The path of the built-in catalog, as a resource hint names it (no leading '/'). */
	static final String CATALOG = ModelCatalog.RESOURCE.substring(1);

	/** The path of its compact form. */
	static final String COMPACT_CATALOG = CompactCatalog.RESOURCE.substring(1);

	private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(CATALOG);
		hints.resources().registerPattern(COMPACT_CATALOG);
		this.bindings.registerReflectionHints(hints.reflection(), BedrockBindingProperties.class,
				BedrockInterceptorProperties.class, BedrockBindingsEndpointProperties.class,
				BedrockBindingsHealthProperties.class, LocalBedrockProperties.class, BedrockFailoverProperties.class);
		this.bindings.registerReflectionHints(hints.reflection(), PipeResult.class, TokenUsage.class,
				EmbeddingResult.class);
	}

}
