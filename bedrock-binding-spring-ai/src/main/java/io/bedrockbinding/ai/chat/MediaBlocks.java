package io.bedrockbinding.ai.chat;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentFormat;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentSource;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.S3Location;

import org.springframework.ai.content.Media;
import org.springframework.util.MimeType;

/**
 * Spring AI {@link Media} as Converse image and document blocks: the bytes it holds, or
 * an {@code s3://} location. Nothing is fetched from a URL: a model call never reads
 * another server on the caller's behalf.
 */
final class MediaBlocks {

	private MediaBlocks() {
	}

	static ContentBlock of(Media media) {
		MimeType type = media.getMimeType();
		if ("image".equals(type.getType())) {
			ImageFormat format = ImageFormat.fromValue(type.getSubtype().toLowerCase(Locale.ROOT));
			if (format == ImageFormat.UNKNOWN_TO_SDK_VERSION) {
				throw unsupported(media, "Converse takes images in png, jpeg, gif or webp");
			}
			ImageSource source = (media.getData() instanceof String s3 && s3.startsWith("s3://"))
					? ImageSource.fromS3Location(S3Location.builder().uri(s3).build())
					: ImageSource.fromBytes(SdkBytes.fromByteArray(bytes(media)));
			return ContentBlock.fromImage(ImageBlock.builder().format(format).source(source).build());
		}
		DocumentFormat format = documentFormat(type);
		if (format == null) {
			throw unsupported(media, "Converse takes images (png, jpeg, gif, webp) and documents "
					+ "(pdf, csv, doc, docx, xls, xlsx, html, txt, md)");
		}
		DocumentSource source = (media.getData() instanceof String s3 && s3.startsWith("s3://"))
				? DocumentSource.fromS3Location(S3Location.builder().uri(s3).build())
				: DocumentSource.fromBytes(SdkBytes.fromByteArray(bytes(media)));
		return ContentBlock
			.fromDocument(DocumentBlock.builder().format(format).name(name(media)).source(source).build());
	}

	private static @Nullable DocumentFormat documentFormat(MimeType type) {
		String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
		return switch (type.getType() + "/" + subtype) {
			case "application/pdf" -> DocumentFormat.PDF;
			case "text/csv" -> DocumentFormat.CSV;
			case "application/msword" -> DocumentFormat.DOC;
			case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> DocumentFormat.DOCX;
			case "application/vnd.ms-excel" -> DocumentFormat.XLS;
			case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> DocumentFormat.XLSX;
			case "text/html" -> DocumentFormat.HTML;
			case "text/plain" -> DocumentFormat.TXT;
			case "text/markdown" -> DocumentFormat.MD;
			default -> null;
		};
	}

	private static byte[] bytes(Media media) {
		if (media.getData() instanceof byte[] bytes) {
			return bytes;
		}
		throw unsupported(media, "give its bytes (Media.builder().data(bytes) or a Resource) or an s3:// URI; "
				+ "nothing is fetched from " + shortened(String.valueOf(media.getData())));
	}

	/**
	 * An address as an error message shows it: in full unless it is long (data given as
	 * text, base64 say, can be megabytes).
	 * @param data the media's data as text
	 * @return the text, or its start and its length
	 */
	private static String shortened(String data) {
		return (data.length() <= 200) ? data : data.substring(0, 60) + "... (" + data.length() + " characters)";
	}

	/**
	 * The document's name as Bedrock allows it: letters, digits, single spaces, hyphens,
	 * parentheses and square brackets (the SDK's {@code DocumentBlock.name()}).
	 * @param media the media
	 * @return its name with any other character replaced by a hyphen
	 */
	private static String name(Media media) {
		String name = media.getName().replaceAll("[^A-Za-z0-9\\s\\-()\\[\\]]", "-").replaceAll("\\s+", " ").trim();
		return name.isEmpty() ? "document" : name;
	}

	private static IllegalArgumentException unsupported(Media media, String what) {
		return new IllegalArgumentException(
				"Cannot send the " + media.getMimeType() + " media '" + media.getName() + "' to Bedrock: " + what);
	}

}
