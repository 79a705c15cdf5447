package io.bedrockbinding.emulator;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.bedrockbinding.catalog.ModelInfo;
import tools.jackson.databind.JsonNode;

/**
 * The images, documents, videos and audio of a Converse request, validated as Bedrock
 * validates them. Limits from the {@code content} restrictions of
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Message.html: up to
 * 20 images of at most 3.75 MB, up to five documents of at most 4.5 MB.
 *
 * @param seen one description per block, as the answer mentions them
 * ({@code image png 68 bytes}, {@code document 'report' txt 120 bytes})
 * @param images the number of image blocks
 * @param documents the number of document blocks
 * @param videos the number of video blocks
 * @param audios the number of audio blocks
 * @param tokens the token estimate of the media: a document's bytes / 4, an image 1 +
 * bytes / 1,000 (an estimate, not Bedrock's formula)
 */
record MediaBlocks(List<String> seen, int images, int documents, int videos, int audios, int tokens) {

	static final int MAX_IMAGES = 20;

	static final int MAX_IMAGE_BYTES = 3_932_160;

	static final int MAX_DOCUMENTS = 5;

	static final int MAX_DOCUMENT_BYTES = 4_718_592;

	private static final List<String> IMAGE_FORMATS = List.of("png", "jpeg", "gif", "webp");

	private static final List<String> DOCUMENT_FORMATS = List.of("pdf", "csv", "doc", "docx", "xls", "xlsx", "html",
			"txt", "md");

	/**
	 * DocumentBlock.name: alphanumerics, whitespace, hyphens, parentheses and square
	 * brackets, no two whitespace characters in a row
	 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_DocumentBlock.html).
	 */
	private static final Pattern DOCUMENT_NAME = Pattern.compile("(?!.*\\s\\s)[A-Za-z0-9\\s\\-()\\[\\]]{1,200}");

	/**
	 * Bedrock's texts, as quoted by users who got them: the name rule in
	 * https://github.com/vercel/ai/issues/20365, duplicates and the document count in
	 * https://github.com/aws-samples/generative-ai-use-cases/issues/1685.
	 */
	static final String BAD_DOCUMENT_NAME = "The document file name can only contain alphanumeric characters, "
			+ "whitespace characters, hyphens, parentheses, and square brackets. The name can't contain more than one "
			+ "consecutive whitespace character. Check that the file name conforms to these restrictions and retry "
			+ "your request.";

	static final String DUPLICATE_DOCUMENT_NAMES = "Messages can't contain duplicate document names.";

	static final String TOO_MANY_DOCUMENTS = "You can't include more than 5 documents in a request.";

	/**
	 * No real Bedrock text for too many or too large images and too large documents was
	 * found: these are LocalBedrock's own, citing the documented limits.
	 */
	static final String TOO_MANY_IMAGES = "LocalBedrock: a request can include up to 20 images (API_runtime_Message "
			+ "content restrictions).";

	static MediaBlocks scan(List<JsonNode> messages) {
		List<String> seen = new ArrayList<>();
		Set<String> names = new HashSet<>();
		int images = 0;
		int documents = 0;
		int videos = 0;
		int audios = 0;
		int tokens = 0;
		for (int m = 0; m < messages.size(); m++) {
			List<JsonNode> content = Json.elements(messages.get(m), "content");
			requireUserAndText(messages.get(m), content, m);
			for (int c = 0; c < content.size(); c++) {
				JsonNode block = content.get(c);
				String path = "messages." + (m + 1) + ".member.content." + (c + 1) + ".member.";
				if (block.has("image")) {
					JsonNode image = block.get("image");
					String format = format(image, IMAGE_FORMATS, path + "image.format");
					long size = size(image.path("source"));
					if (size > MAX_IMAGE_BYTES) {
						throw BedrockError.validation("LocalBedrock: the image at " + path + "image is " + size
								+ " bytes; each image must be no more than 3.75 MB (API_runtime_Message content "
								+ "restrictions).");
					}
					images++;
					tokens += 1 + (int) (Math.max(size, 0) / 1000);
					seen.add("image " + format + " " + describe(image.path("source"), size));
				}
				else if (block.has("document")) {
					JsonNode document = block.get("document");
					String format = format(document, DOCUMENT_FORMATS, path + "document.format");
					String name = Json.text(document, "name");
					if (name == null || !DOCUMENT_NAME.matcher(name).matches()) {
						throw BedrockError.validation(BAD_DOCUMENT_NAME);
					}
					if (!names.add(name)) {
						throw BedrockError.validation(DUPLICATE_DOCUMENT_NAMES);
					}
					long size = size(document.path("source"));
					if (size > MAX_DOCUMENT_BYTES) {
						throw BedrockError.validation("LocalBedrock: the document '" + name + "' is " + size
								+ " bytes; each document must be no more than 4.5 MB (API_runtime_Message content "
								+ "restrictions).");
					}
					documents++;
					tokens += (int) (Math.max(size, 0) / 4);
					seen.add("document '" + name + "' " + format + " " + describe(document.path("source"), size));
				}
				else if (block.has("video") || block.has("audio")) {
					String kind = block.has("video") ? "video" : "audio";
					JsonNode media = block.get(kind);
					videos += kind.equals("video") ? 1 : 0;
					audios += kind.equals("audio") ? 1 : 0;
					seen.add(kind + " " + Json.text(media, "format") + " "
							+ describe(media.path("source"), size(media.path("source"))));
				}
			}
		}
		if (images > MAX_IMAGES) {
			throw BedrockError.validation(TOO_MANY_IMAGES);
		}
		if (documents > MAX_DOCUMENTS) {
			throw BedrockError.validation(TOO_MANY_DOCUMENTS);
		}
		return new MediaBlocks(List.copyOf(seen), images, documents, videos, audios, tokens);
	}

	/**
	 * The rules of the {@code content} restrictions of API_runtime_Message: images and
	 * documents only in user messages, a document only beside a text block. No real
	 * Bedrock text for either was found: these are LocalBedrock's own.
	 */
	private static void requireUserAndText(JsonNode message, List<JsonNode> content, int index) {
		boolean media = false;
		boolean document = false;
		boolean text = false;
		for (JsonNode block : content) {
			media |= block.has("image") || block.has("document");
			document |= block.has("document");
			text |= block.has("text");
		}
		if (media && !"user".equals(Json.text(message, "role"))) {
			throw BedrockError.validation("LocalBedrock: messages." + index + " has an image or document, but only "
					+ "user messages can include them (API_runtime_Message content restrictions).");
		}
		if (document && !text) {
			throw BedrockError.validation("LocalBedrock: messages." + index + " has a document but no text block; "
					+ "a message with a document must also include text (API_runtime_Message content restrictions).");
		}
	}

	/**
	 * Refuses media the model cannot read (its catalog input modalities). The image text
	 * is Bedrock's, as quoted in https://github.com/earendil-works/pi/issues/8960; the
	 * video and audio texts follow its pattern (no real ones were found).
	 * @param model the model that answers
	 */
	void requireSupportedBy(ModelInfo model) {
		if (this.images > 0 && !ModelFeatures.input(model, "IMAGE")) {
			throw BedrockError.validation(
					"This model doesn't support the image field for user messages. Remove image and try again.");
		}
		if (this.videos > 0 && !ModelFeatures.input(model, "VIDEO")) {
			throw BedrockError.validation(
					"This model doesn't support the video field for user messages. Remove video and try again.");
		}
		if (this.audios > 0 && !ModelFeatures.input(model, "AUDIO") && !ModelFeatures.input(model, "SPEECH")) {
			throw BedrockError.validation(
					"This model doesn't support the audio field for user messages. Remove audio and try again.");
		}
	}

	/**
	 * The block's format, refused as Bedrock refuses a value outside an enum: the wording
	 * of "1 validation error detected: Value at
	 * 'messages.1.member.content.1.member.guardContent.image.format' failed to satisfy
	 * constraint: Member must satisfy enum value set: [jpeg, png]" quoted in
	 * https://github.com/strands-agents/harness-sdk/pull/3607 (the order of the set is
	 * the SDK's enum order, not confirmed).
	 */
	private static String format(JsonNode block, List<String> formats, String path) {
		String format = Json.text(block, "format");
		if (format == null || !formats.contains(format)) {
			throw BedrockError.validation("1 validation error detected: Value at '" + path
					+ "' failed to satisfy constraint: Member must satisfy enum value set: ["
					+ String.join(", ", formats) + "]");
		}
		return format;
	}

	/** The size in bytes of a {@code bytes} or {@code text} source, -1 for S3. */
	private static long size(JsonNode source) {
		String bytes = Json.text(source, "bytes");
		if (bytes != null) {
			try {
				return Base64.getDecoder().decode(bytes).length;
			}
			catch (IllegalArgumentException ex) {
				throw BedrockError.validation("The request body is not valid: a source's bytes are not base64.");
			}
		}
		String text = Json.text(source, "text");
		if (text != null) {
			return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
		}
		long size = 0;
		for (JsonNode part : Json.elements(source, "content")) {
			String partText = Json.text(part, "text");
			size += (partText != null) ? partText.length() : 0;
		}
		return (size > 0) ? size : -1;
	}

	private static String describe(JsonNode source, long size) {
		if (size >= 0) {
			return size + " bytes";
		}
		String uri = Json.text(source.path("s3Location"), "uri");
		return (uri != null) ? uri : "(no source)";
	}

}
