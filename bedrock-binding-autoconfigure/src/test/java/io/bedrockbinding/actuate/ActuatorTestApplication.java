package io.bedrockbinding.actuate;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application of the actuator tests: bedrock-binding, the actuator, and security that
 * lets anyone in but knows two users, so that show-values=when-authorized can be tried
 * with and without the role. Its configuration lives in
 * {@code classpath:/bedrockbindings-actuator/}; tests point
 * {@code spring.config.location} there (see {@link #CONFIG}) so that no other test's
 * application.yml leaks in.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class ActuatorTestApplication {

	/** Where this application's application.yml and application-prod.yml are. */
	public static final String CONFIG = "spring.config.location=classpath:/bedrockbindings-actuator/";

	/** A user with the role that may see account IDs. */
	public static final String OPERATOR = "operator";

	/** A user without it. */
	public static final String VIEWER = "viewer";

	public static final String PASSWORD = "secret";

	/** Fake credentials: LocalBedrock accepts any, and nothing here may reach AWS. */
	@Bean
	AwsCredentialsProvider awsCredentialsProvider() {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
	}

	/** Anyone may call, HTTP basic signs in; only for the tests that start a server. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class SecurityConfiguration {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

		/**
		 * A client of the running server; {@code local.server.port} is set once it has
		 * started.
		 * @param environment the application's environment
		 * @return the client
		 */
		@Bean
		ActuatorClient actuatorClient(Environment environment) {
			return new ActuatorClient(() -> environment.getRequiredProperty("local.server.port", Integer.class));
		}

		@Bean
		UserDetailsService userDetailsService() {
			return new InMemoryUserDetailsManager(
					User.withUsername(OPERATOR).password("{noop}" + PASSWORD).roles("BEDROCK_ADMIN").build(),
					User.withUsername(VIEWER).password("{noop}" + PASSWORD).roles("VIEWER").build());
		}

	}

}
