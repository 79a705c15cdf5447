package io.bedrockbinding.benchmarks.startup.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
 * {@code -Dharness.steps=true} it also prints the beans that were slow to create, with
 * {@code -Dharness.threads=true} the CPU time of every thread of the process (the JVM's
 * compiler and GC threads included) when the context has started.
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
		if (Boolean.getBoolean("harness.threads")) {
			printThreadCpu();
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
	 * With {@code -Dharness.threads=true}: the CPU time (user + system) of each thread of
	 * the process so far, as Linux counts it in {@code /proc/self/task/<tid>/stat},
	 * summed by thread name with the digits taken out ({@code C2 CompilerThread#}),
	 * largest first. Prints nothing where there is no {@code /proc}.
	 */
	private static void printThreadCpu() {
		Path tasks = Path.of("/proc/self/task");
		if (!Files.isDirectory(tasks)) {
			return;
		}
		long ticksPerSecond = 100; // USER_HZ, 100 on every Linux the JDK runs on
		Map<String, Long> ticks = new TreeMap<>();
		try (Stream<Path> threads = Files.list(tasks)) {
			threads.forEach((task) -> {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
						.replaceAll("[0-9]+", "#");
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					// fields 14 and 15 of stat (utime, stime); this array starts at field
					// 3
					ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
				}
				catch (IOException ex) {
					// the thread ended meanwhile
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ticks.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((entry) -> System.out.printf(Locale.ROOT, "thread %6d ms %s%n",
					entry.getValue() * 1000 / ticksPerSecond, entry.getKey()));
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
