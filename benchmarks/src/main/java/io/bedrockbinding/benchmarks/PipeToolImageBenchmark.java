package io.bedrockbinding.benchmarks;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.Content;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.pipe.PipeTool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * A tool-use round and an image question through the pipe against the same SDK requests
 * sent raw with the same client, over loopback to the same LocalBedrock. The tool round
 * is two Converse calls: the model asks for the tool, the caller runs it and sends the
 * result, the model answers; the pipe does it with a {@link PipeTool}, the baseline by
 * hand, with the same function. The image question is one Converse call with a text and a
 * PNG block. Goal: pipe p50 at most 1.03x raw p50 for each; {@link #paired(Blackhole)}
 * measures both of a {@link #call} in one fork.
 */
public class PipeToolImageBenchmark extends PairedBenchmark {

	private static final String QUESTION = "What is the weather in Paris?";

	private static final String IMAGE_QUESTION = "What is in this picture?";

	private static final byte[] PNG = png();

	/** Which call {@link #paired} measures: {@code tool} or {@code image}. */
	@Param({ "tool", "image" })
	public String call;

	private LocalSetup local;

	private BedrockRuntimeClient raw;

	private BedrockPipe toolPipe;

	private Tool rawTool;

	public PipeToolImageBenchmark() {
		super("pipe", "raw");
	}

	private static String weather(String city) {
		return "Sunny, 21 C in " + city;
	}

	@Setup
	public void setUp() {
		this.local = new LocalSetup();
		this.raw = this.local.clients.sync(LocalSetup.REGION);
		PipeTool tool = PipeTool.of("weather", "Today's weather in a city", City.class, (city) -> weather(city.city()));
		this.toolPipe = this.local.pipe.withTool(tool);
		this.rawTool = tool.tool();
		sameAnswer(pipeToolRound(), baselineRawToolRound());
		sameAnswer(pipeImage(), baselineRawImage());
	}

	@Override
	protected void close() {
		this.local.close();
	}

	@Benchmark
	public String pipeToolRound() {
		PipeResult result = this.toolPipe.execute(QUESTION);
		if (result.toolRounds() != 1) {
			throw new IllegalStateException("Expected one tool round, got " + result.toolRounds());
		}
		return result.text();
	}

	@Benchmark
	public String baselineRawToolRound() {
		ToolConfiguration tools = ToolConfiguration.builder().tools(this.rawTool).build();
		Message question = Message.builder()
			.role(ConversationRole.USER)
			.content(ContentBlock.fromText(QUESTION))
			.build();
		ConverseResponse first = this.raw.converse(request(List.of(question)).toolConfig(tools).build());
		Message asked = first.output().message();
		ToolUseBlock use = asked.content()
			.stream()
			.map(ContentBlock::toolUse)
			.filter((block) -> block != null)
			.findFirst()
			.orElseThrow();
		String output = weather(use.input().asMap().get("city").asString());
		Message result = Message.builder()
			.role(ConversationRole.USER)
			.content(ContentBlock.fromToolResult((block) -> block.toolUseId(use.toolUseId())
				.status(ToolResultStatus.SUCCESS)
				.content((content) -> content.text(output))))
			.build();
		ConverseResponse second = this.raw
			.converse(request(List.of(question, asked, result)).toolConfig(tools).build());
		return LocalSetup.text(second);
	}

	@Benchmark
	public String pipeImage() {
		return this.local.pipe
			.execute(List.of(Content.user(ContentBlock.fromText(IMAGE_QUESTION), Content.image(PNG, ImageFormat.PNG))))
			.text();
	}

	@Benchmark
	public String baselineRawImage() {
		Message question = Message.builder()
			.role(ConversationRole.USER)
			.content(ContentBlock.fromText(IMAGE_QUESTION),
					ContentBlock.fromImage((image) -> image.format(ImageFormat.PNG)
						.source((source) -> source.bytes(SdkBytes.fromByteArray(PNG)))))
			.build();
		return LocalSetup.text(this.raw.converse(request(List.of(question)).build()));
	}

	/**
	 * One pipe call and one raw call of {@link #call} per invocation, in alternating
	 * order, each timed on its own; the p50 of each and their ratio are printed at the
	 * end of the run ({@link PairedSamples}).
	 * @param blackhole receives both results
	 */
	@Benchmark
	public void paired(Blackhole blackhole) {
		if (this.call.equals("tool")) {
			this.paired.measure(() -> PairedSamples.timed(blackhole, this::pipeToolRound),
					() -> PairedSamples.timed(blackhole, this::baselineRawToolRound));
		}
		else {
			this.paired.measure(() -> PairedSamples.timed(blackhole, this::pipeImage),
					() -> PairedSamples.timed(blackhole, this::baselineRawImage));
		}
	}

	private ConverseRequest.Builder request(List<Message> messages) {
		return ConverseRequest.builder()
			.modelId(this.local.target)
			.messages(messages)
			.system(LocalSetup.system())
			.inferenceConfig(LocalSetup.inferenceConfig());
	}

	private static byte[] png() {
		BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 64; x++) {
			image.setRGB(x, x, 0xFF8800);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	record City(String city) {
	}

}
