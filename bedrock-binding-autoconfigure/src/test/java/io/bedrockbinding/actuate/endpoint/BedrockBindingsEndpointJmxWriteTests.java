package io.bedrockbinding.actuate.endpoint;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.ReflectionException;

import io.bedrockbinding.actuate.ActuatorTestApplication;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.OriginKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The write operations over JMX, when access is granted. */
@SpringBootTest(classes = ActuatorTestApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = { ActuatorTestApplication.CONFIG, "bedrock.binding.inference-file.enabled=false",
				"spring.jmx.enabled=true", "spring.jmx.unique-names=true",
				"management.endpoints.jmx.domain=io.bedrockbinding.test.write",
				"management.endpoints.jmx.exposure.include=bedrockbindings",
				"management.endpoint.bedrockbindings.access=unrestricted" })
class BedrockBindingsEndpointJmxWriteTests {

	@Autowired
	MBeanServer mbeanServer;

	@Autowired
	BindingRegistry registry;

	@Test
	void writeOperationsBindAndUnbind() throws Exception {
		ObjectName endpoint = BedrockBindingsEndpointJmxTests.endpoint(this.mbeanServer,
				"io.bedrockbinding.test.write");
		Set<String> operations = new TreeSet<>();
		for (MBeanOperationInfo operation : this.mbeanServer.getMBeanInfo(endpoint).getOperations()) {
			operations.add(operation.getName());
		}
		assertThat(operations).containsExactly("bind", "binding", "bindings", "unbind");
		Map<String, Object> bound = (Map<String, Object>) this.mbeanServer.invoke(endpoint, "bind",
				new Object[] { "amazon.nova-lite-v1:0", "us.amazon.nova-lite-v1:0", null },
				new String[] { String.class.getName(), String.class.getName(), Boolean.class.getName() });
		assertThat(bound).containsEntry("target", "us.amazon.nova-lite-v1:0");
		assertThat(this.registry.resolve("amazon.nova-lite-v1:0").origin().kind()).isEqualTo(OriginKind.RUNTIME);
		this.mbeanServer.invoke(endpoint, "unbind", new Object[] { "amazon.nova-lite-v1:0", null },
				new String[] { String.class.getName(), Boolean.class.getName() });
		assertThat(this.registry.resolve("amazon.nova-lite-v1:0").origin().kind()).isEqualTo(OriginKind.CATALOG);
	}

	@Test
	void invalidTargetIsRefusedWithTheValidationMessage() throws Exception {
		ObjectName endpoint = BedrockBindingsEndpointJmxTests.endpoint(this.mbeanServer,
				"io.bedrockbinding.test.write");
		Throwable failure = catchThrowable(() -> this.mbeanServer.invoke(endpoint, "bind",
				new Object[] { "amazon.nova-lite-v1:0", "not a target", null },
				new String[] { String.class.getName(), String.class.getName(), Boolean.class.getName() }));
		// Boot reports an InvalidEndpointRequestException to JMX clients as a
		// ReflectionException
		assertThat(failure).isInstanceOf(ReflectionException.class)
			.hasMessageContaining("target must be empty (direct)");
		assertThat(this.registry.resolve("amazon.nova-lite-v1:0").origin().kind()).isEqualTo(OriginKind.CATALOG);
	}

}
