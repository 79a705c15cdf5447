package io.bedrockbinding.benchmarks;

import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.FailoverSettings;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.registry.BindingRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of a failover chain when nothing fails: {@code pipe.execute(prompt)} of a
 * model bound to two targets (the first always answers) against the same call of a model
 * bound to that first target alone, same clients, same LocalBedrock. Goal: chain p50 at
 * most 1.01x single p50. {@link #pairedChainAndSingle(Blackhole)} measures both in one
 * fork, alternating.
 */
public class ChainExecuteBenchmark extends PairedBenchmark {

	/**
	 * The SDK attempts of the chain's first target
	 * ({@code bedrock.binding.failover.sdk-max-attempts}): 2, the default, sends the
	 * first target's request with a request plugin that lowers the client's attempts; 0
	 * keeps the client's retries and sends the request as it is.
	 */
	@Param({ "2", "0" })
	public int sdkMaxAttempts;

	private LocalSetup local;

	private BedrockPipeFactory chainFactory;

	private BedrockPipeFactory singleFactory;

	private BedrockPipe chain;

	private BedrockPipe single;

	public ChainExecuteBenchmark() {
		super("chain", "single");
	}

	@Setup
	public void setUp() {
		this.local = new LocalSetup();
		// Two registries, one model: the chain and the single target send the very same
		// request over the very same clients.
		BindingRegistry chained = BindingRegistry.builder(this.local.bedrock.catalog())
			.region(LocalSetup.REGION)
			.build();
		chained.bind(LocalSetup.MODEL, "us." + LocalSetup.MODEL + ", global." + LocalSetup.MODEL);
		BindingRegistry alone = BindingRegistry.builder(this.local.bedrock.catalog()).region(LocalSetup.REGION).build();
		alone.bind(LocalSetup.MODEL, "us." + LocalSetup.MODEL);
		this.chainFactory = BedrockPipeFactory.builder(chained, this.local.clients)
			.failover(new FailoverSettings(FailoverSettings.DEFAULT.cooldown(),
					FailoverSettings.DEFAULT.cooldownAfter(), this.sdkMaxAttempts, FailoverSettings.DEFAULT.clock()))
			.build();
		this.singleFactory = BedrockPipeFactory.builder(alone, this.local.clients).build();
		this.chain = this.chainFactory.pipe(LocalSetup.MODEL)
			.withSystemPrompt(LocalSetup.SYSTEM_PROMPT)
			.withMaxTokens(LocalSetup.MAX_TOKENS);
		this.single = this.singleFactory.pipe(LocalSetup.MODEL)
			.withSystemPrompt(LocalSetup.SYSTEM_PROMPT)
			.withMaxTokens(LocalSetup.MAX_TOKENS);
		PipeResult viaChain = chainExecute();
		PipeResult viaSingle = singleExecute();
		if (viaChain.targetsTried() != 1 || !viaChain.invokedTarget().equals(viaSingle.invokedTarget())
				|| !viaChain.text().equals(viaSingle.text())) {
			throw new IllegalStateException("chain and single calls differ: " + viaChain + " vs " + viaSingle);
		}
	}

	@Override
	protected void close() {
		// the factories share the setup's clients, which it closes
		this.local.close();
	}

	@Benchmark
	public PipeResult chainExecute() {
		return this.chain.execute(LocalSetup.PROMPT);
	}

	@Benchmark
	public PipeResult singleExecute() {
		return this.single.execute(LocalSetup.PROMPT);
	}

	/**
	 * One chain call and one single-target call per invocation, in alternating order,
	 * each timed on its own; p50s and their ratio are printed at the end of the run.
	 * @param blackhole receives both results
	 */
	@Benchmark
	public void pairedChainAndSingle(Blackhole blackhole) {
		this.paired.measure(() -> PairedSamples.timed(blackhole, this::chainExecute),
				() -> PairedSamples.timed(blackhole, this::singleExecute));
	}

}
