package io.bedrockbinding.benchmarks;

import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.emulator.LocalBedrockClients;
import io.bedrockbinding.interceptor.BindingInterceptor;
import io.bedrockbinding.registry.BindingRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/**
 * A raw {@link BedrockRuntimeClient#converse} on a client with the
 * {@link BindingInterceptor} (which resolves the plain model ID and copies the request
 * with the bound profile) against the same call on a client without it, sent the profile
 * ID directly. Both clients share one HTTP client and one LocalBedrock, so the difference
 * is the interceptor. Goal: intercepted p50 at most 1.02x plain p50.
 * {@link #pairedInterceptedAndPlain(Blackhole)} measures both in one fork.
 */
public class InterceptorConverseBenchmark extends PairedBenchmark {

	private LocalBedrock bedrock;

	private SdkHttpClient http;

	private BedrockRuntimeClient intercepted;

	private BedrockRuntimeClient plain;

	private String target;

	public InterceptorConverseBenchmark() {
		super("intercepted", "plain");
	}

	@Setup
	public void setUp() {
		this.bedrock = LocalBedrock.builder().build().start();
		BindingRegistry registry = BindingRegistry.builder(this.bedrock.catalog()).region(LocalSetup.REGION).build();
		this.target = registry.resolve(LocalSetup.MODEL, LocalSetup.REGION).target().value();
		this.http = Apache5HttpClient.builder().build();
		LocalBedrockClients clients = LocalBedrockClients.of(this.bedrock);
		BindingInterceptor interceptor = BindingInterceptor.of(registry);
		this.intercepted = clients.runtimeBuilder(LocalSetup.REGION)
			.httpClient(this.http)
			.overrideConfiguration((override) -> override.addExecutionInterceptor(interceptor))
			.build();
		this.plain = clients.runtimeBuilder(LocalSetup.REGION).httpClient(this.http).build();
		String viaInterceptor = LocalSetup.text(interceptedConverse());
		String viaPlain = LocalSetup.text(baselinePlainConverse());
		if (!viaInterceptor.equals(viaPlain) || !viaPlain.contains("via " + this.target)) {
			throw new IllegalStateException("the calls differ: '" + viaInterceptor + "' vs '" + viaPlain + "'");
		}
	}

	@Override
	protected void close() {
		this.intercepted.close();
		this.plain.close();
		this.http.close();
		this.bedrock.close();
	}

	@Benchmark
	public ConverseResponse interceptedConverse() {
		return this.intercepted.converse(request(LocalSetup.MODEL));
	}

	@Benchmark
	public ConverseResponse baselinePlainConverse() {
		return this.plain.converse(request(this.target));
	}

	/**
	 * One intercepted and one plain call per invocation, in alternating order, each timed
	 * on its own; the p50 of each and their ratio are printed at the end of the run.
	 * @param blackhole keeps the replies
	 */
	@Benchmark
	public void pairedInterceptedAndPlain(Blackhole blackhole) {
		this.paired.measure(() -> PairedSamples.timed(blackhole, this::interceptedConverse),
				() -> PairedSamples.timed(blackhole, this::baselinePlainConverse));
	}

	private static ConverseRequest request(String modelId) {
		return ConverseRequest.builder()
			.modelId(modelId)
			.messages(LocalSetup.messages())
			.system(LocalSetup.system())
			.inferenceConfig(LocalSetup.inferenceConfig())
			.build();
	}

}
