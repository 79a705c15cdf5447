package io.bedrockbinding.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.file.InferenceFileContent;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.ModelIds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading a 10,000-line {@code inference.txt} with {@link InferenceFile#read()} (decode,
 * split, validate every model ID and target, detect duplicates) against the naive
 * baseline {@code Files.readAllLines} + split on the first {@code '='} into a map. Goal:
 * at most 2x the baseline.
 * <p>
 * A second pair does the same from bytes already in memory ({@link InferenceFile#parse})
 * to show how much of either figure is the file system, and
 * {@link #inMemoryValidationOnly(Blackhole)} runs only the checks the parser applies to
 * each binding line (model ID and target), to show how much of the parse they take.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 12, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class InferenceFileBenchmark {

	static final int LINES = 10_000;

	private Path folder;

	private Path path;

	private InferenceFile file;

	private byte[] bytes;

	/** The model ID and target of every binding line, split once in set-up. */
	private String[][] pairs;

	private final Clock clock = Clock.systemUTC();

	@Setup
	public void writeFile() throws IOException {
		this.folder = Files.createTempDirectory("bedrock-binding-bench");
		this.path = this.folder.resolve("inference.txt");
		List<String> lines = lines();
		Files.write(this.path, lines, StandardCharsets.UTF_8);
		this.file = new InferenceFile(this.path);
		this.bytes = Files.readAllBytes(this.path);
		this.pairs = baselineReadAllLinesSplit().entrySet()
			.stream()
			.map((entry) -> new String[] { entry.getKey(), entry.getValue() })
			.toArray(String[][]::new);
		InferenceFileContent content = this.file.read();
		int baseline = baselineReadAllLinesSplit().size();
		if (!content.problems().isEmpty() || content.entries().size() != baseline) {
			throw new IllegalStateException("The generated file should parse cleanly into " + baseline
					+ " bindings, got " + content.entries().size() + " and problems " + content.problems());
		}
	}

	/**
	 * 10,000 lines: a comment every 10th line, a blank line every 25th, the rest bindings
	 * of distinct model IDs to a mix of targets (system profiles, profile ARNs,
	 * application profile ARNs, ARNs with {account}, provisioned models, direct).
	 * @return the lines of the benchmark's file
	 */
	static List<String> lines() {
		String[] providers = { "amazon", "anthropic", "meta", "mistral", "cohere", "ai21", "deepseek", "writer" };
		List<String> lines = new ArrayList<>(LINES);
		lines.add("# bedrock-binding benchmark file: model=target, one per line");
		for (int i = 1; lines.size() < LINES; i++) {
			if (i % 10 == 0) {
				lines.add("# section " + i + ": bindings for team " + (i / 10) + ", do not edit by hand");
				continue;
			}
			if (i % 25 == 1) {
				lines.add("");
				continue;
			}
			String modelId = providers[i % providers.length] + ".bench-model-" + i + "-v1:0";
			String target = switch (i % 10) {
				case 1, 2, 3, 4 -> "us." + modelId;
				case 5, 6 -> "arn:aws:bedrock:us-east-2:111122223333:inference-profile/us." + modelId;
				case 7 ->
					"arn:aws:bedrock:eu-west-1:111122223333:application-inference-profile/a1b2c3d4e5f" + (i % 10_000);
				case 8 -> (i % 20 < 10) ? "arn:aws:bedrock:us-east-1:{account}:inference-profile/us." + modelId
						: "arn:aws:bedrock:us-west-2:111122223333:provisioned-model/abcdef"
								+ String.format("%06d", i % 1_000_000);
				default -> "";
			};
			lines.add((i % 7 == 0) ? modelId + " = " + target : modelId + "=" + target);
		}
		return lines;
	}

	@TearDown
	public void deleteFile() throws IOException {
		Files.deleteIfExists(this.path);
		Files.deleteIfExists(this.folder);
	}

	@Benchmark
	public InferenceFileContent inferenceFileRead() {
		return this.file.read();
	}

	@Benchmark
	public Map<String, String> baselineReadAllLinesSplit() throws IOException {
		return split(Files.readAllLines(this.path, StandardCharsets.UTF_8));
	}

	@Benchmark
	public InferenceFileContent inMemoryInferenceFileParse() {
		return InferenceFile.parse(this.bytes, "inference.txt", this.clock);
	}

	@Benchmark
	public Map<String, String> inMemoryBaselineDecodeSplit() {
		return split(new String(this.bytes, StandardCharsets.UTF_8).lines().toList());
	}

	/**
	 * Diagnostic: only the per-line validation of {@link #inMemoryInferenceFileParse()},
	 * on lines already split.
	 * @param blackhole receives every validated binding
	 */
	@Benchmark
	public void inMemoryValidationOnly(Blackhole blackhole) {
		for (String[] pair : this.pairs) {
			blackhole.consume(ModelIds.requireModelId(pair[0]));
			blackhole.consume(BindingTarget.parse(pair[0], pair[1]));
		}
	}

	/**
	 * What a hand-rolled reader would do: skip blanks and comments, split on the first
	 * '=', trim.
	 * @param lines the lines of a file
	 * @return the targets by model ID
	 */
	private static Map<String, String> split(List<String> lines) {
		Map<String, String> bindings = new HashMap<>();
		for (String line : lines) {
			String stripped = line.strip();
			if (stripped.isEmpty() || stripped.charAt(0) == '#') {
				continue;
			}
			int equals = stripped.indexOf('=');
			if (equals > 0) {
				bindings.put(stripped.substring(0, equals).strip(), stripped.substring(equals + 1).strip());
			}
		}
		return bindings;
	}

}
