package io.bedrockbinding.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.AudioBlock;
import software.amazon.awssdk.services.bedrockruntime.model.AudioFormat;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import software.amazon.awssdk.services.bedrockruntime.model.VideoBlock;
import software.amazon.awssdk.services.bedrockruntime.model.VideoFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Images and documents through the real SDK clients: accepted in Bedrock's formats and
 * seen by the answer; wrong formats, names, sizes and counts refused as Bedrock refuses
 * them.
 */
class ConverseMediaTests {

	private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

	/** A 1x1 PNG. */
	private static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()));

	@RegisterExtension
	static final NoRetryRuntimeClient client = new NoRetryRuntimeClient(bedrock);

	@Test
	void anImageQuestionIsAnsweredWithWhatTheModelSaw() {
		ConverseResponse response = converse(HAIKU, ContentBlock.fromText("What is in this picture?"),
				image("png", PNG));

		assertThat(response.output().message().content().get(0).text())
			.isEqualTo("[" + HAIKU + "] You said: What is in this picture? [saw image png " + PNG.length + " bytes]");
		ConverseRecord record = bedrock.get().journal("Converse").get(0).converse();
		assertThat(record.images()).isEqualTo(1);
		assertThat(response.usage().inputTokens()).isGreaterThan(Generation.tokens("What is in this picture?"));
	}

	@Test
	void aDocumentQuestionNamesTheDocument() {
		byte[] csv = "city,temp\nParis,24\n".getBytes(StandardCharsets.UTF_8);

		ConverseResponse response = converse(HAIKU, ContentBlock.fromText("Summarize"),
				document("Weather report (June)", "csv", csv));

		assertThat(response.output().message().content().get(0).text())
			.endsWith("[saw document 'Weather report (June)' csv " + csv.length + " bytes]");
		assertThat(bedrock.get().journal("Converse").get(0).converse().documents())
			.containsExactly("Weather report (June)");
	}

	@Test
	void streamedAnswersSeeTheMediaToo() {
		StreamRecording stream = StreamRecording.of(client.async(),
				ConverseStreamRequest.builder()
					.modelId(HAIKU)
					.messages(user(ContentBlock.fromText("Describe"), image("webp", PNG),
							document("notes", "md", "# Notes".getBytes(StandardCharsets.UTF_8))))
					.build());

		assertThat(stream.error.get()).isNull();
		assertThat(stream.text(0)).endsWith("[saw image webp " + PNG.length + " bytes, document 'notes' md 7 bytes]");
	}

	@Test
	void imagesFromS3AreSeenByTheirUri() {
		ContentBlock s3 = ContentBlock.fromImage(ImageBlock.builder()
			.format(ImageFormat.JPEG)
			.source((source) -> source.s3Location((location) -> location.uri("s3://bucket/cat.jpeg")))
			.build());

		ConverseResponse response = converse(HAIKU, ContentBlock.fromText("Cat?"), s3);

		assertThat(response.output().message().content().get(0).text())
			.endsWith("[saw image jpeg s3://bucket/cat.jpeg]");
	}

	@Test
	void anImageFormatBedrockDoesNotTakeIsRefused() {
		assertRefused(HAIKU,
				"1 validation error detected: Value at 'messages.1.member.content.2.member.image.format' "
						+ "failed to satisfy constraint: Member must satisfy enum value set: [png, jpeg, gif, webp]",
				ContentBlock.fromText("What?"), image("bmp", PNG));
	}

	@Test
	void aDocumentFormatBedrockDoesNotTakeIsRefused() {
		assertRefused(HAIKU, "Value at 'messages.1.member.content.2.member.document.format' failed to satisfy "
				+ "constraint: Member must satisfy enum value set: [pdf, csv, doc, docx, xls, xlsx, html, txt, md]",
				ContentBlock.fromText("What?"), document("notes", "json", new byte[] { '{', '}' }));
	}

	@Test
	void aDocumentNameWithADotIsRefused() {
		assertRefused(HAIKU, MediaBlocks.BAD_DOCUMENT_NAME, ContentBlock.fromText("What?"),
				document("report.pdf", "pdf", new byte[] { 1 }));
	}

	@Test
	void duplicateDocumentNamesAreRefused() {
		assertRefused(HAIKU, "Messages can't contain duplicate document names.", ContentBlock.fromText("What?"),
				document("same", "txt", new byte[] { 'a' }), document("same", "txt", new byte[] { 'b' }));
	}

	@Test
	void moreThanFiveDocumentsAreRefused() {
		List<ContentBlock> blocks = new ArrayList<>();
		blocks.add(ContentBlock.fromText("Compare"));
		for (int i = 0; i < 6; i++) {
			blocks.add(document("doc " + i, "txt", new byte[] { 'x' }));
		}
		assertRefused(HAIKU, "You can't include more than 5 documents in a request.",
				blocks.toArray(ContentBlock[]::new));
	}

	@Test
	void moreThanTwentyImagesAreRefused() {
		List<ContentBlock> blocks = new ArrayList<>();
		blocks.add(ContentBlock.fromText("Compare"));
		for (int i = 0; i < 21; i++) {
			blocks.add(image("png", PNG));
		}
		assertRefused(HAIKU, "up to 20 images", blocks.toArray(ContentBlock[]::new));
	}

	@Test
	void anImageOverTheSizeLimitIsRefused() {
		byte[] large = new byte[MediaBlocks.MAX_IMAGE_BYTES + 1];

		assertRefused(HAIKU, "each image must be no more than 3.75 MB", ContentBlock.fromText("Big"),
				image("png", large));
	}

	@Test
	void aDocumentOverTheSizeLimitIsRefused() {
		byte[] large = new byte[MediaBlocks.MAX_DOCUMENT_BYTES + 1];

		assertRefused(HAIKU, "each document must be no more than 4.5 MB", ContentBlock.fromText("Big"),
				document("big", "txt", large));
	}

	@Test
	void aTextOnlyModelRefusesImages() {
		assertRefused("meta.llama3-8b-instruct-v1:0",
				"This model doesn't support the image field for user messages. Remove image and try again.",
				ContentBlock.fromText("What?"), image("png", PNG));
	}

	@Test
	void aDocumentNeedsATextBlockBesideIt() {
		assertRefused(HAIKU, "has a document but no text block", document("notes", "txt", new byte[] { 'x' }));
	}

	@Test
	void onlyUserMessagesCarryImages() {
		Message assistant = Message.builder().role(ConversationRole.ASSISTANT).content(image("png", PNG)).build();

		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> client.get()
				.converse((request) -> request.modelId(HAIKU)
					.messages(user(ContentBlock.fromText("a")), assistant, user(ContentBlock.fromText("b")))))
			.withMessageContaining("only user messages can include them");
	}

	@Test
	void modelsWithoutVideoOrAudioInputRefuseThem() {
		ContentBlock video = ContentBlock.fromVideo(VideoBlock.builder()
			.format(VideoFormat.MP4)
			.source((source) -> source.bytes(SdkBytes.fromByteArray(new byte[] { 0 })))
			.build());
		ContentBlock audio = ContentBlock.fromAudio(AudioBlock.builder()
			.format(AudioFormat.MP3)
			.source((source) -> source.bytes(SdkBytes.fromByteArray(new byte[] { 0 })))
			.build());

		assertRefused(HAIKU, "This model doesn't support the video field for user messages.",
				ContentBlock.fromText("Watch"), video);
		assertRefused(HAIKU, "This model doesn't support the audio field for user messages.",
				ContentBlock.fromText("Listen"), audio);
	}

	private static void assertRefused(String modelId, String text, ContentBlock... blocks) {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> client.get().converse((request) -> request.modelId(modelId).messages(user(blocks))))
			.withMessageContaining(text);
	}

	private static ConverseResponse converse(String modelId, ContentBlock... blocks) {
		return client.get().converse((request) -> request.modelId(modelId).messages(user(blocks)));
	}

	static Message user(ContentBlock... blocks) {
		return Message.builder().role(ConversationRole.USER).content(blocks).build();
	}

	static ContentBlock image(String format, byte[] bytes) {
		return ContentBlock.fromImage(ImageBlock.builder()
			.format(format)
			.source((source) -> source.bytes(SdkBytes.fromByteArray(bytes)))
			.build());
	}

	static ContentBlock document(String name, String format, byte[] bytes) {
		return ContentBlock.fromDocument(DocumentBlock.builder()
			.name(name)
			.format(format)
			.source((source) -> source.bytes(SdkBytes.fromByteArray(bytes)))
			.build());
	}

}
