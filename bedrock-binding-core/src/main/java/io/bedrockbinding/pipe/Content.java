package io.bedrockbinding.pipe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentFormat;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.VideoFormat;

/**
 * Shortcuts to the SDK's {@link Message}s and {@link ContentBlock}s for what takes the
 * most code: messages of a role, images, documents and videos from bytes or files, and
 * cache points. Everything else is the SDK's own ({@code ContentBlock.fromText},
 * {@code fromToolResult}, {@code fromGuardContent}, ...).
 *
 * <pre>{@code
 * pipe.execute(List.of(Content.user(ContentBlock.fromText("What is in this picture?"),
 *     Content.image(Path.of("cat.png")))));
 * }</pre>
 */
public final class Content {

	private static final CachePointBlock CACHE_POINT = CachePointBlock.builder().type(CachePointType.DEFAULT).build();

	private Content() {
	}

	/**
	 * A user message of text.
	 * @param text what the user says
	 * @return the message
	 */
	public static Message user(String text) {
		// the SDK would send a null text as an empty block, which Bedrock refuses
		return user(ContentBlock.fromText(Objects.requireNonNull(text, "the prompt (a user message's text) is null")));
	}

	/**
	 * A user message of any content.
	 * @param content the blocks
	 * @return the message
	 */
	public static Message user(ContentBlock... content) {
		return Message.builder().role(ConversationRole.USER).content(content).build();
	}

	/**
	 * An assistant message of text, e.g. an earlier answer.
	 * @param text what the model answered
	 * @return the message
	 */
	public static Message assistant(String text) {
		return assistant(ContentBlock.fromText(text));
	}

	/**
	 * An assistant message of any content.
	 * @param content the blocks
	 * @return the message
	 */
	public static Message assistant(ContentBlock... content) {
		return Message.builder().role(ConversationRole.ASSISTANT).content(content).build();
	}

	/**
	 * An image from its bytes.
	 * @param bytes the image
	 * @param format its format
	 * @return the content block
	 */
	public static ContentBlock image(byte[] bytes, ImageFormat format) {
		return ContentBlock
			.fromImage((image) -> image.format(format).source((s) -> s.bytes(SdkBytes.fromByteArray(bytes))));
	}

	/**
	 * An image from a file, its format from the file's extension ({@code .png},
	 * {@code .jpg}/{@code .jpeg}, {@code .gif}, {@code .webp}).
	 * @param file the image file
	 * @return the content block
	 * @throws IllegalArgumentException for another extension
	 * @throws UncheckedIOException if the file cannot be read
	 */
	public static ContentBlock image(Path file) {
		String extension = extension(file);
		ImageFormat format = ImageFormat.fromValue(extension.equals("jpg") ? "jpeg" : extension);
		return image(read(file), known(format, ImageFormat.knownValues(), file));
	}

	/**
	 * A document from its bytes.
	 * @param bytes the document
	 * @param format its format
	 * @param name its name, which the model sees (Bedrock allows letters, digits, single
	 * spaces, hyphens, parentheses and square brackets)
	 * @return the content block
	 */
	public static ContentBlock document(byte[] bytes, DocumentFormat format, String name) {
		return ContentBlock.fromDocument(
				(document) -> document.format(format).name(name).source((s) -> s.bytes(SdkBytes.fromByteArray(bytes))));
	}

	/**
	 * A document from a file, its format from the file's extension ({@code .pdf},
	 * {@code .csv}, {@code .doc}, {@code .docx}, {@code .xls}, {@code .xlsx},
	 * {@code .html}, {@code .txt}, {@code .md}), its name from the file's name without
	 * the extension, characters Bedrock does not allow in a name replaced by hyphens.
	 * @param file the document file
	 * @return the content block
	 * @throws IllegalArgumentException for another extension
	 * @throws UncheckedIOException if the file cannot be read
	 */
	public static ContentBlock document(Path file) {
		DocumentFormat format = known(DocumentFormat.fromValue(extension(file)), DocumentFormat.knownValues(), file);
		String fileName = file.getFileName().toString();
		// The SDK's DocumentBlock.name(): "can only contain alphanumeric characters,
		// whitespace characters (no more than one in a row), hyphens, parentheses, and
		// square brackets"
		String name = fileName.substring(0, fileName.lastIndexOf('.'))
			.replaceAll("[^A-Za-z0-9\\s\\-()\\[\\]]", "-")
			.replaceAll("\\s+", " ");
		return document(read(file), format, name);
	}

	/**
	 * A video from a file, its format from the file's extension ({@code .mp4},
	 * {@code .mov}, {@code .mkv}, {@code .webm}, ...).
	 * @param file the video file
	 * @return the content block
	 * @throws IllegalArgumentException for another extension
	 * @throws UncheckedIOException if the file cannot be read
	 */
	public static ContentBlock video(Path file) {
		VideoFormat format = known(VideoFormat.fromValue(extension(file)), VideoFormat.knownValues(), file);
		byte[] bytes = read(file);
		return ContentBlock
			.fromVideo((video) -> video.format(format).source((s) -> s.bytes(SdkBytes.fromByteArray(bytes))));
	}

	/**
	 * A cache point: Bedrock caches the prompt up to here. Wrap it for where it goes:
	 * {@code ContentBlock.fromCachePoint(..)},
	 * {@code SystemContentBlock.fromCachePoint(..)} or {@code Tool.fromCachePoint(..)}.
	 * @return the cache point
	 */
	public static CachePointBlock cachePoint() {
		return CACHE_POINT;
	}

	/**
	 * The text of some content, its text blocks joined.
	 * @param content the blocks
	 * @return the text, empty if there is none
	 */
	public static String text(List<ContentBlock> content) {
		StringBuilder text = new StringBuilder();
		for (ContentBlock block : content) {
			if (block.text() != null) {
				text.append(block.text());
			}
		}
		return text.toString();
	}

	private static String extension(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		if (dot < 1) {
			throw new IllegalArgumentException(file + " has no extension to tell its format by: give the format");
		}
		return name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static <F> F known(F format, Set<F> known, Path file) {
		if (!known.contains(format)) {
			throw new IllegalArgumentException(file + ": Bedrock takes no ." + extension(file) + " here; it takes "
					+ known.stream().map(String::valueOf).sorted().toList());
		}
		return format;
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

}
