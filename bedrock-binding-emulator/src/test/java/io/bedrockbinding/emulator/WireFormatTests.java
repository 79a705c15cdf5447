package io.bedrockbinding.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The small parsers and generators behind the emulator's wire formats. */
class WireFormatTests {

	@Test
	void rawPathSegmentsAreDecodedAsUtf8() {
		assertThat(UrlText.decodePath("us.amazon.nova-pro-v1%3A0")).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(UrlText.decodePath("arn%3Aaws%3Abedrock%3Aus-east-1%3A111122223333%3Ainference-profile%2Fus.x.y"))
			.isEqualTo("arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.x.y");
		assertThat(UrlText.decodePath("a+b%C3%A9%2")).isEqualTo("a+b\u00e9%2");
	}

	@Test
	void queryAndFormParametersDecodePlusAsSpace() {
		assertThat(UrlText.parameters("Action=GetCallerIdentity&Version=2011-06-15&x=a+b%2Bc&flag"))
			.isEqualTo(Map.of("Action", "GetCallerIdentity", "Version", "2011-06-15", "x", "a b+c", "flag", ""));
		assertThat(UrlText.parameters(null)).isEmpty();
	}

	@Test
	void callerRegionComesFromTheCredentialScope() {
		String sigv4 = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/ap-southeast-2/bedrock/aws4_request, "
				+ "SignedHeaders=host;x-amz-date, Signature=abc";

		assertThat(CallerRegion.of(sigv4, "us-east-1")).isEqualTo("ap-southeast-2");
		assertThat(CallerRegion.of("Bearer bedrock-api-key-abc", "us-east-1")).isEqualTo("us-east-1");
		assertThat(CallerRegion.of(null, "eu-west-1")).isEqualTo("eu-west-1");
		assertThat(CallerRegion.of("AWS4-HMAC-SHA256 Credential=broken", "eu-west-1")).isEqualTo("eu-west-1");
	}

	@Test
	void generationCutsAtTheEarliestStopSequence() {
		Generation generation = Generation.reply("m", "a B c A d", 3, null, List.of("A", "B"));

		assertThat(generation.text()).isEqualTo("[m] You said: a ");
		assertThat(generation.stopReason()).isEqualTo(Generation.STOP_SEQUENCE);
		assertThat(generation.stopSequence()).isEqualTo("B");
	}

	@Test
	void generationHonoursMaxTokensAfterTheStopSequence() {
		Generation generation = Generation.reply("model", "x".repeat(100), 30, 2, List.of("zzz"));

		assertThat(generation.text()).isEqualTo("[model] ");
		assertThat(generation.stopReason()).isEqualTo(Generation.MAX_TOKENS);
		assertThat(generation.outputTokens()).isEqualTo(2);
		assertThat(generation.totalTokens()).isEqualTo(32);
	}

	@Test
	void deltasRebuildTheReplyInSeveralPieces() {
		Generation generation = Generation.reply("anthropic.claude-3-haiku-20240307-v1:0", "stream this", 3, null,
				List.of());

		List<String> deltas = generation.deltas();

		assertThat(deltas).hasSizeGreaterThanOrEqualTo(3);
		assertThat(String.join("", deltas)).isEqualTo(generation.text());
		assertThat(Generation.reply("m", "", 1, 1, List.of()).deltas()).isNotEmpty();
	}

	@Test
	void eventFramesDecodeWithTheSdkCodec() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		EventStream stream = new EventStream(bytes);
		stream.event("messageStart", Json.newObject().put("role", "assistant"));
		stream.exception("throttlingException", "slow down");

		List<Message> messages = new MessageDecoder().feed(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
			.getDecodedMessages();

		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).getHeaders().get(":message-type").getString()).isEqualTo("event");
		assertThat(messages.get(0).getHeaders().get(":event-type").getString()).isEqualTo("messageStart");
		assertThat(messages.get(0).getHeaders().get(":content-type").getString()).isEqualTo("application/json");
		assertThat(new String(messages.get(0).getPayload(), StandardCharsets.UTF_8))
			.isEqualTo("{\"role\":\"assistant\"}");
		assertThat(messages.get(1).getHeaders().get(":message-type").getString()).isEqualTo("exception");
		assertThat(messages.get(1).getHeaders().get(":exception-type").getString()).isEqualTo("throttlingException");
	}

}
