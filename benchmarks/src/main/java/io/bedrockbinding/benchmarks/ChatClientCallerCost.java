package io.bedrockbinding.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import com.sun.management.ThreadMXBean;
import io.bedrockbinding.ai.chat.BedrockBindingChatModel;
import io.bedrockbinding.ai.chat.BedrockBindingChatOptions;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientAttributes;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;

/**
 * A diagnostic beside {@link ChatClientCallBenchmark}, not a goal: what the calling
 * thread spends per call (CPU time and bytes allocated, from the JVM's per-thread
 * counters) on the {@code ChatClient} call, the same call with the tool-calling advisor
 * that {@code ChatClient} adds to every call switched off (its
 * {@code TOOL_CALLING_ADVISOR_AUTO_REGISTER} parameter), the chat model's
 * {@code call(prompt)} and {@code pipe.execute}, interleaved in rotating order in one
 * JVM. Wall time on a loaded 2-core machine moves with the load; the calling thread's CPU
 * time and allocation hardly do, so the shares of Spring AI's {@code ChatClient} and of
 * the chat model read here even while others build. Run:
 * {@code java -Dsun.net.httpserver.nodelay=true -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.bedrockbinding.benchmarks.ChatClientCallerCost [warm-up rounds] [rounds]}
 * (default 20,000 each; a round is one call of each).
 */
public final class ChatClientCallerCost {

	private static final String[] NAMES = { "chatClient", "noToolAdv", "chatModel", "pipe" };

	private ChatClientCallerCost() {
	}

	public static void main(String[] args) {
		int warmUp = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 20_000;
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		try (LocalSetup local = new LocalSetup()) {
			BedrockBindingChatOptions options = BedrockBindingChatOptions.builder()
				.model(LocalSetup.MODEL)
				.maxTokens(LocalSetup.MAX_TOKENS)
				.build();
			BedrockBindingChatModel chatModel = new BedrockBindingChatModel(local.factory, options,
					ToolCallingManager.builder().build(), ObservationRegistry.NOOP);
			ChatClient chatClient = ChatClient.builder(chatModel).build();
			// the same client without the tool-calling advisor it adds to every call
			ChatClient withoutToolAdvisor = ChatClient.builder(chatModel)
				.defaultAdvisors((advisors) -> advisors
					.param(ChatClientAttributes.TOOL_CALLING_ADVISOR_AUTO_REGISTER.getKey(), false))
				.build();
			List<Supplier<String>> calls = List.of(
					() -> chatClient.prompt().system(LocalSetup.SYSTEM_PROMPT).user(LocalSetup.PROMPT).call().content(),
					() -> withoutToolAdvisor.prompt()
						.system(LocalSetup.SYSTEM_PROMPT)
						.user(LocalSetup.PROMPT)
						.call()
						.content(),
					() -> chatModel
						.call(new Prompt(List.of(new SystemMessage(LocalSetup.SYSTEM_PROMPT),
								new UserMessage(LocalSetup.PROMPT)), options.mutate().build()))
						.getResult()
						.getOutput()
						.getText(),
					() -> local.pipe.execute(LocalSetup.PROMPT).text());
			long[][] cpu = new long[NAMES.length][rounds];
			long[][] bytes = new long[NAMES.length][rounds];
			int length = 0;
			for (int round = 0; round < warmUp + rounds; round++) {
				for (int k = 0; k < NAMES.length; k++) {
					int which = (round + k) % NAMES.length;
					long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
					long cpuBefore = threads.getCurrentThreadCpuTime();
					length += calls.get(which).get().length();
					long cpuAfter = threads.getCurrentThreadCpuTime();
					long allocatedAfter = threads.getCurrentThreadAllocatedBytes();
					if (round >= warmUp) {
						cpu[which][round - warmUp] = cpuAfter - cpuBefore;
						bytes[which][round - warmUp] = allocatedAfter - allocatedBefore;
					}
				}
			}
			System.out.printf("%d rounds after %d of warm-up (%d chars of replies)%n", rounds, warmUp, length);
			int pipe = NAMES.length - 1;
			for (int i = 0; i < NAMES.length; i++) {
				System.out.printf("%-10s calling thread: CPU p50 %.1f us (%.3fx pipe), allocated p50 %d B (%+d B)%n",
						NAMES[i], median(cpu[i]) / 1e3, (double) median(cpu[i]) / median(cpu[pipe]), median(bytes[i]),
						median(bytes[i]) - median(bytes[pipe]));
			}
		}
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
