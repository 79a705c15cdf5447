package io.bedrockbinding.benchmarks.startup.app;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.StreamSupport;

import io.bedrockbinding.pipe.BedrockPipeFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.metrics.StartupStep;

/**
 * The small application the harnesses start as a process: nothing of its own but the
 * starter (and, on the web classpath, Spring MVC and actuator). It starts, optionally
 * makes one first call ({@code --harness.first-call=pipe} through the starter's pipe,
 * {@code raw} through an SDK client it builds itself, as an application without the
 * starter would), prints one {@code HARNESS} line with its timings, and exits. With
 * {@code -Dharness.steps=true} it also prints the beans that were slow to create.
 */
@SpringBootApplication
public class HarnessApplication {

	/** The prefix of the line the harness reads. */
	public static final String REPORT = "HARNESS ";

	public static void main(String[] args) {
		long start = System.nanoTime();
		SpringApplication application = new SpringApplication(HarnessApplication.class);
		BufferingApplicationStartup steps = null;
		if (Boolean.getBoolean("harness.steps")) {
			steps = new BufferingApplicationStartup(20_000);
			application.setApplicationStartup(steps);
		}
		ConfigurableApplicationContext context = application.run(args);
		long started = System.nanoTime();
		if (steps != null) {
			printBeanSteps(steps);
		}
		Environment environment = context.getEnvironment();
		String mode = environment.getProperty("harness.first-call", "none").toLowerCase(Locale.ROOT);
		String model = environment.getProperty("harness.model", "amazon.nova-pro-v1:0");
		String reply = switch (mode) {
			case "pipe" -> context.getBean(BedrockPipeFactory.class).pipe(model).execute("hi").text();
			case "raw" -> raw(environment);
			case "none" -> "";
			default -> throw new IllegalArgumentException("harness.first-call is pipe, raw or none, not " + mode);
		};
		long called = System.nanoTime();
		// CPU time of the whole process (every thread, JIT and GC included) so far: on a
		// loaded machine it moves far less than wall time does.
		long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		// CPU time of the main thread alone: the start-up's critical path (what runs on
		// other threads, such as the starter's preloading, is left out)
		long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		System.out.printf(Locale.ROOT, "%scontext-ms=%.1f first-call-ms=%.1f cpu-ms=%.1f main-cpu-ms=%.1f reply=%s%n",
				REPORT, (started - start) / 1e6, (called - start) / 1e6, cpu / 1e6, mainCpu / 1e6,
				reply.replace('\n', ' '));
		System.exit(SpringApplication.exit(context));
	}

	/**
	 * With {@code -Dharness.steps=true}: the beans that took 2 ms or more to create
	 * (their dependencies included), slowest first.
	 * @param steps the recorded start-up steps
	 */
	private static void printBeanSteps(BufferingApplicationStartup steps) {
		steps.getBufferedTimeline()
			.getEvents()
			.stream()
			.filter((event) -> event.getStartupStep().getName().equals("spring.beans.instantiate"))
			.filter((event) -> event.getDuration().toMillis() >= 2)
			.sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
			.forEach((event) -> System.out.printf(Locale.ROOT, "bean %6d ms %s%n", event.getDuration().toMillis(),
					StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
						.filter((tag) -> tag.getKey().equals("beanName"))
						.map(StartupStep.Tag::getValue)
						.findFirst()
						.orElse("?")));
	}

	/**
	 * What an application without the starter writes: a client for the region and
	 * endpoint, the SDK's default credentials chain, one Converse call with the profile
	 * ID the pipe derives for the model.
	 * @param environment where the region, endpoint and target come from
	 * @return the reply's text
	 */
	private static String raw(Environment environment) {
		String region = environment.getRequiredProperty("harness.region");
		String target = environment.getRequiredProperty("harness.raw-target");
		try (BedrockRuntimeClient client = BedrockRuntimeClient.builder()
			.region(Region.of(region))
			.endpointOverride(URI.create(environment.getRequiredProperty("harness.endpoint")))
			.build()) {
			ConverseResponse response = client.converse((request) -> request.modelId(target)
				.messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hi")).build()));
			return response.output().message().content().get(0).text();
		}
	}

}
