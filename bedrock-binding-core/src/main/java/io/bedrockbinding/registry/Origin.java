package io.bedrockbinding.registry;

/**
 * Where one binding came from.
 *
 * @param kind the layer
 * @param source the detail: {@code /home/app/.aws/inference.txt:12},
 * {@code application-prod.yml}, {@code catalog}, ...
 */
public record Origin(OriginKind kind, String source) {

	public static Origin catalog() {
		return new Origin(OriginKind.CATALOG, "catalog");
	}

	public static Origin runtime() {
		return new Origin(OriginKind.RUNTIME, "runtime");
	}

	@Override
	public String toString() {
		return this.kind + " (" + this.source + ")";
	}

}
