package io.bedrockbinding.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.jspecify.annotations.Nullable;

/**
 * The built-in catalog in a compact binary form that the core module's build derives from
 * {@code catalog.json} (the source, which people and {@code refresh-catalog} edit), so
 * that loading it at start-up needs neither a JSON parser nor a date parser: each
 * distinct string and each distinct list of strings is stored once and read with
 * {@link DataInputStream}. The form names the length and CRC-32 of the JSON it was made
 * from, and is used only beside that very JSON: a JSON edited after the build is read as
 * JSON. {@code CompactCatalogTests} proves that the form shipped reads as the same
 * catalog as {@code catalog.json}.
 * <p>
 * Layout (big-endian): magic {@code BBC2}; the JSON's length and CRC-32; the strings
 * (count, then each as modified UTF-8); the lists (count, then each as a count of string
 * indexes); the sources, the geographies and the models, each a count and its entries (a
 * model's geoRegions a count of geography and list index pairs after its geos). An index
 * of {@code -1} is a null; a date is its epoch day, {@link Integer#MIN_VALUE} for none.
 */
public final class CompactCatalog {

	/** The classpath resource of the built-in catalog's compact form. */
	public static final String RESOURCE = "/io/bedrockbinding/catalog/catalog.bin";

	/** {@code BBC2}: the second layout, with each model's geoRegions. */
	private static final int MAGIC = 0x42424332;

	private static final int NO_DATE = Integer.MIN_VALUE;

	private static final int NEEDS_PROFILE = 1;

	private static final int STREAMING = 2;

	private static final int PROVISIONED_ONLY = 4;

	private static final int DEFAULT_LIFECYCLE = 8;

	private CompactCatalog() {
	}

	/**
	 * The build step: writes the compact form of a {@code catalog.json}.
	 * @param args the {@code catalog.json} to read and the file to write
	 * @throws IOException if either cannot be read or written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			throw new IllegalArgumentException("usage: CompactCatalog CATALOG_JSON OUTPUT");
		}
		byte[] json = Files.readAllBytes(Path.of(args[0]));
		ModelCatalog catalog;
		try {
			catalog = CatalogJson.read(new ByteArrayInputStream(json));
		}
		catch (IOException ex) {
			throw new IOException(args[0] + ": " + ex.getMessage(), ex);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		write(catalog, json, bytes);
		Path output = Path.of(args[1]);
		Files.createDirectories(output.toAbsolutePath().getParent());
		Files.write(output, bytes.toByteArray());
	}

	/**
	 * Writes {@code catalog} in the compact form.
	 * @param catalog the catalog
	 * @param json the JSON the catalog was read from
	 * @param out where to write it
	 * @throws IOException if writing fails, or a string is too long for the form
	 */
	static void write(ModelCatalog catalog, byte[] json, OutputStream out) throws IOException {
		Tables tables = new Tables();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		DataOutputStream data = new DataOutputStream(body);
		data.writeInt(catalog.sources().size());
		for (CatalogSource source : catalog.sources()) {
			data.writeInt(tables.string(source.key()));
			data.writeInt(tables.string(source.title()));
			data.writeInt(tables.string(source.url()));
			data.writeInt(date(source.retrieved()));
		}
		List<Geography> geographies = catalog.geographies().all();
		data.writeInt(geographies.size());
		for (Geography geography : geographies) {
			data.writeInt(tables.string(geography.prefix()));
			data.writeInt(tables.list(geography.regions()));
		}
		data.writeInt(catalog.size());
		for (ModelInfo model : catalog.all()) {
			writeModel(model, data, tables);
		}
		data.flush();
		DataOutputStream head = new DataOutputStream(out);
		head.writeInt(MAGIC);
		head.writeInt(json.length);
		head.writeInt(crc(json));
		head.writeInt(tables.strings.size());
		for (String string : tables.strings) {
			head.writeUTF(string);
		}
		head.writeInt(tables.lists.size());
		for (List<Integer> list : tables.lists) {
			head.writeInt(list.size());
			for (int index : list) {
				head.writeInt(index);
			}
		}
		body.writeTo(head);
		head.flush();
	}

	private static void writeModel(ModelInfo model, DataOutputStream data, Tables tables) throws IOException {
		data.writeInt(tables.string(model.modelId()));
		data.writeInt(tables.string(model.provider()));
		data.writeInt(tables.string(model.displayName()));
		data.writeInt(tables.list(model.onDemandRegions()));
		data.writeInt(tables.list(model.profileOnlyRegions()));
		data.writeInt(tables.list(model.geoPrefixes()));
		data.writeInt(model.geoRegions().size());
		for (Map.Entry<String, List<String>> entry : model.geoRegions().entrySet()) {
			data.writeInt(tables.string(entry.getKey()));
			data.writeInt(tables.list(entry.getValue()));
		}
		data.writeInt(tables.list(model.inputModalities()));
		data.writeInt(tables.list(model.outputModalities()));
		data.writeInt(tables.string(model.providerName()));
		data.writeInt(tables.list(model.sources()));
		Lifecycle lifecycle = model.lifecycle();
		int flags = (model.needsProfileElsewhere() ? NEEDS_PROFILE : 0) | (model.streaming() ? STREAMING : 0)
				| (model.provisionedOnly() ? PROVISIONED_ONLY : 0) | (lifecycle.isDefault() ? DEFAULT_LIFECYCLE : 0);
		data.writeByte(flags);
		if (!lifecycle.isDefault()) {
			data.writeByte(lifecycle.status().ordinal());
			data.writeInt(date(lifecycle.legacy()));
			data.writeInt(date(lifecycle.publicExtendedAccess()));
			data.writeInt(date(lifecycle.endOfLife()));
			data.writeInt(tables.string(lifecycle.successor()));
		}
	}

	/**
	 * Reads a catalog in the compact form, if it was made from {@code json}.
	 * @param compact the compact form
	 * @param json the JSON it must have been made from
	 * @return the catalog, or {@code null} when the form was made from another JSON
	 * @throws IOException if it is not in the compact form
	 */
	static @Nullable ModelCatalog read(byte[] compact, byte[] json) throws IOException {
		try {
			DataInputStream data = new DataInputStream(new ByteArrayInputStream(compact));
			if (data.readInt() != MAGIC) {
				throw new IOException(
						"Invalid compact model catalog: it does not start with the compact form's " + "magic number");
			}
			if (data.readInt() != json.length || data.readInt() != crc(json)) {
				return null;
			}
			return new Reader(data).catalog();
		}
		catch (EOFException ex) {
			throw new IOException("Invalid compact model catalog: it ends too early", ex);
		}
		catch (UTFDataFormatException | IndexOutOfBoundsException | IllegalArgumentException
				| NullPointerException ex) {
			throw new IOException("Invalid compact model catalog: " + ex.getMessage(), ex);
		}
	}

	private static int crc(byte[] bytes) {
		CRC32 crc = new CRC32();
		crc.update(bytes);
		return (int) crc.getValue();
	}

	private static int date(@Nullable LocalDate date) {
		return (date != null) ? Math.toIntExact(date.toEpochDay()) : NO_DATE;
	}

	/** The strings and lists written so far, each with its index. */
	private static final class Tables {

		final List<String> strings = new ArrayList<>();

		final List<List<Integer>> lists = new ArrayList<>();

		private final Map<String, Integer> stringIndexes = new HashMap<>();

		private final Map<List<Integer>, Integer> listIndexes = new HashMap<>();

		int string(@Nullable String string) {
			if (string == null) {
				return -1;
			}
			return this.stringIndexes.computeIfAbsent(string, (added) -> {
				this.strings.add(added);
				return this.strings.size() - 1;
			});
		}

		int list(List<String> list) {
			List<Integer> indexes = new ArrayList<>(list.size());
			for (String string : list) {
				indexes.add(string(string));
			}
			return this.listIndexes.computeIfAbsent(indexes, (added) -> {
				this.lists.add(added);
				return this.lists.size() - 1;
			});
		}

	}

	/** Reads the sections in order, with the tables read first. */
	private static final class Reader {

		private final DataInputStream data;

		private String[] strings = new String[0];

		private List<List<String>> lists = List.of();

		Reader(DataInputStream data) {
			this.data = data;
		}

		ModelCatalog catalog() throws IOException {
			this.strings = new String[count()];
			for (int i = 0; i < this.strings.length; i++) {
				this.strings[i] = this.data.readUTF();
			}
			int listCount = count();
			List<List<String>> readLists = new ArrayList<>(listCount);
			for (int i = 0; i < listCount; i++) {
				String[] list = new String[count()];
				for (int j = 0; j < list.length; j++) {
					list[j] = string();
				}
				readLists.add(List.of(list));
			}
			this.lists = readLists;
			List<CatalogSource> sources = new ArrayList<>();
			for (int i = count(); i > 0; i--) {
				sources.add(new CatalogSource(string(), nullableString(), nullableString(), date()));
			}
			List<Geography> geographies = new ArrayList<>();
			for (int i = count(); i > 0; i--) {
				geographies.add(new Geography(string(), list()));
			}
			List<ModelInfo> models = new ArrayList<>();
			for (int i = count(); i > 0; i--) {
				models.add(model());
			}
			if (this.data.read() != -1) {
				throw new IOException("Invalid compact model catalog: content after the last model");
			}
			return new ModelCatalog(models, new Geographies(geographies), sources);
		}

		private ModelInfo model() throws IOException {
			String modelId = string();
			String provider = string();
			String displayName = string();
			List<String> onDemand = list();
			List<String> profileOnly = list();
			List<String> geos = list();
			Map<String, List<String>> geoRegions = new LinkedHashMap<>();
			for (int i = count(); i > 0; i--) {
				geoRegions.put(string(), list());
			}
			List<String> input = list();
			List<String> output = list();
			String providerName = nullableString();
			List<String> sources = list();
			int flags = this.data.readUnsignedByte();
			Lifecycle lifecycle = ((flags & DEFAULT_LIFECYCLE) != 0) ? Lifecycle.ACTIVE : new Lifecycle(
					Lifecycle.Status.values()[this.data.readUnsignedByte()], date(), date(), date(), nullableString());
			return new ModelInfo(modelId, provider, displayName, onDemand, profileOnly, geos,
					(flags & NEEDS_PROFILE) != 0, (flags & STREAMING) != 0, input, output, providerName,
					(flags & PROVISIONED_ONLY) != 0, lifecycle, sources, geoRegions);
		}

		private int count() throws IOException {
			int count = this.data.readInt();
			if (count < 0) {
				throw new IOException("Invalid compact model catalog: a negative count");
			}
			return count;
		}

		private String string() throws IOException {
			String string = nullableString();
			if (string == null) {
				throw new IOException("Invalid compact model catalog: a null where a string must be");
			}
			return string;
		}

		private @Nullable String nullableString() throws IOException {
			int index = this.data.readInt();
			return (index == -1) ? null : this.strings[index];
		}

		private List<String> list() throws IOException {
			return this.lists.get(this.data.readInt());
		}

		private @Nullable LocalDate date() throws IOException {
			int day = this.data.readInt();
			return (day != NO_DATE) ? LocalDate.ofEpochDay(day) : null;
		}

	}

}
