package io.bedrockbinding.autoconfigure;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpointRuntimeHints;
import io.bedrockbinding.catalog.CompactCatalog;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.pipe.EmbeddingResult;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.pipe.TokenUsage;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AOT hints: registered through {@code aot.factories}, and covering every resource
 * and reflectively bound or serialised type, found here by scanning rather than listed,
 * so that a new properties class or endpoint descriptor without a hint fails.
 */
class BedrockBindingRuntimeHintsTests {

	private final RuntimeHints hints = registered();

	@Test
	void bothRegistrarsAreListedInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.hasAtLeastOneElementOfType(BedrockBindingRuntimeHints.class)
			.hasAtLeastOneElementOfType(BedrockBindingsEndpointRuntimeHints.class);
	}

	@Test
	void theBuiltInCatalogResourceIsKept() {
		assertThat(ModelCatalog.class.getResource(ModelCatalog.RESOURCE)).as("the catalog resource").isNotNull();
		assertThat(RuntimeHintsPredicates.resource().forResource(ModelCatalog.RESOURCE.substring(1)))
			.accepts(this.hints);
		assertThat(ModelCatalog.class.getResource(CompactCatalog.RESOURCE)).as("its compact form").isNotNull();
		assertThat(RuntimeHintsPredicates.resource().forResource(CompactCatalog.RESOURCE.substring(1)))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("io/bedrockbinding/catalog/other.json"))
			.as("only the catalog, not the whole package")
			.rejects(this.hints);
	}

	@Test
	void everyConfigurationPropertiesClassCanBeBoundWithItsNestedGroups() {
		List<Class<?>> classes = scan(new AnnotationTypeFilter(ConfigurationProperties.class));
		assertThat(classes).as("the starter's properties classes").hasSizeGreaterThanOrEqualTo(5);
		for (Class<?> type : classes) {
			assertBindable(type);
		}
	}

	@Test
	void everyEndpointDescriptorCanBeSerialised() {
		List<Class<?>> descriptors = scan(new AssignableTypeFilter(OperationResponseBody.class));
		assertThat(descriptors).as("the endpoint's descriptors").hasSizeGreaterThanOrEqualTo(3);
		for (Class<?> descriptor : descriptors) {
			assertSerialisable(descriptor);
		}
	}

	@Test
	void thePipeResultsApplicationsReturnAsJsonCanBeSerialised() {
		assertSerialisable(PipeResult.class);
		assertSerialisable(TokenUsage.class);
		assertSerialisable(EmbeddingResult.class);
	}

	@Test
	void withoutActuatorTheEndpointHintsAreLeftOutWithoutFailing() {
		RuntimeHints withoutActuator = new RuntimeHints();
		new BedrockBindingsEndpointRuntimeHints().registerHints(withoutActuator,
				new FilteredClassLoader(OperationResponseBody.class));
		assertThat(withoutActuator.reflection().typeHints()).isEmpty();
	}

	private void assertBindable(Class<?> type) {
		assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
		for (PropertyDescriptor property : properties(type)) {
			Method setter = property.getWriteMethod();
			Method getter = property.getReadMethod();
			if (setter != null) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(setter)).as(setter.toString())
					.accepts(this.hints);
			}
			if (getter != null) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(getter)).as(getter.toString())
					.accepts(this.hints);
				Class<?> nested = getter.getReturnType();
				if (setter == null && nested.getName().startsWith("io.bedrockbinding.")) {
					assertBindable(nested);
				}
			}
		}
	}

	private void assertSerialisable(Class<?> type) {
		assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
		assertThat(type.isRecord()).as(type.getName() + " is a record").isTrue();
		for (RecordComponent component : type.getRecordComponents()) {
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
				.as(component.getAccessor().toString())
				.accepts(this.hints);
			Class<?> nested = component.getType();
			if (nested.isRecord() && nested.getName().startsWith("io.bedrockbinding.")) {
				assertSerialisable(nested);
			}
		}
	}

	private static List<PropertyDescriptor> properties(Class<?> type) {
		try {
			List<PropertyDescriptor> properties = new ArrayList<>();
			for (PropertyDescriptor property : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
				properties.add(property);
			}
			return properties;
		}
		catch (java.beans.IntrospectionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Class<?>> scan(TypeFilter filter) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(filter);
		return scanner.findCandidateComponents("io.bedrockbinding")
			.stream()
			.<Class<?>>map((candidate) -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
			.filter((type) -> Modifier.isPublic(type.getModifiers()) && !isTestClass(type))
			.toList();
	}

	private static boolean isTestClass(Class<?> type) {
		return type.getProtectionDomain().getCodeSource().getLocation().toString().contains("test-classes");
	}

	private static RuntimeHints registered() {
		RuntimeHints hints = new RuntimeHints();
		AotServices.factories()
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints,
					BedrockBindingRuntimeHintsTests.class.getClassLoader()));
		return hints;
	}

}
