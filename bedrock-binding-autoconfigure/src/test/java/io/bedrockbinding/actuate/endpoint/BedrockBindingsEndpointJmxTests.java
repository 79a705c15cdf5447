package io.bedrockbinding.actuate.endpoint;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.bedrockbinding.actuate.ActuatorTest;
import io.bedrockbinding.actuate.ActuatorTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint over JMX: the same document, read through the MBean server. As for Boot's
 * env endpoint, JMX counts as authorized, so when-authorized shows account IDs there.
 */
@ActuatorTest(webEnvironment = WebEnvironment.NONE,
		properties = { ActuatorTestApplication.CONFIG, "spring.jmx.enabled=true", "spring.jmx.unique-names=true",
				"management.endpoints.jmx.domain=io.bedrockbinding.test.read",
				"management.endpoints.jmx.exposure.include=bedrockbindings",
				"management.endpoint.bedrockbindings.show-values=when-authorized" })
@ActiveProfiles("prod")
class BedrockBindingsEndpointJmxTests {

	@Autowired
	MBeanServer mbeanServer;

	@Test
	void readOperationsAreExposedAndWritesAreNot() throws Exception {
		Set<String> operations = new java.util.TreeSet<>();
		for (MBeanOperationInfo operation : this.mbeanServer.getMBeanInfo(endpoint()).getOperations()) {
			operations.add(operation.getName());
		}
		assertThat(operations).containsExactly("binding", "bindings");
	}

	@Test
	void bindingsReturnsTheDocument() throws Exception {
		Map<String, Object> document = (Map<String, Object>) this.mbeanServer.invoke(endpoint(), "bindings",
				new Object[] { null }, new String[] { Boolean.class.getName() });
		assertThat(document).containsEntry("region", "us-east-1").containsEntry("accountId", "111122223333");
		List<Map<String, Object>> bindings = (List<Map<String, Object>>) document.get("bindings");
		assertThat(bindings).extracting((binding) -> binding.get("model")).contains("amazon.nova-pro-v1:0");
		assertThat(bindings).extracting((binding) -> ((Map<String, Object>) binding.get("origin")).get("kind"))
			.doesNotContain("CATALOG");
	}

	@Test
	void bindingReturnsOneBinding() throws Exception {
		Map<String, Object> binding = (Map<String, Object>) this.mbeanServer.invoke(endpoint(), "binding",
				new Object[] { "amazon.nova-pro-v1:0" }, new String[] { String.class.getName() });
		assertThat(binding)
			.containsEntry("target", "arn:aws:bedrock:us-east-2:111122223333:inference-profile/us.amazon.nova-pro-v1:0")
			.containsEntry("origin",
					Map.of("kind", "PROPERTIES", "source", "bedrockbindings-actuator/application-prod.yml"));
	}

	/**
	 * The endpoint's MBean in {@code domain}: each test class has its own, as contexts
	 * stay cached.
	 */
	static ObjectName endpoint(MBeanServer mbeanServer, String domain) throws Exception {
		Set<ObjectName> names = mbeanServer.queryNames(new ObjectName(domain + ":type=Endpoint,name=Bedrockbindings,*"),
				null);
		assertThat(names).hasSize(1);
		return names.iterator().next();
	}

	private ObjectName endpoint() throws Exception {
		return endpoint(this.mbeanServer, "io.bedrockbinding.test.read");
	}

}
