package io.bedrockbinding.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.bedrockbinding.identifier.Quoting;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Every page of a paginated control-plane listing, asked one after the other with the
 * {@code nextToken} of the page before. The SDK's paginators ask again for as long as a
 * page has a token, so an endpoint that answers a token it answered before (a proxy or an
 * emulator; AWS does not) would be asked forever: here a token seen before, or more than
 * {@value #MAX_PAGES} pages, ends the listing with an error that names the operation.
 */
final class Pages {

	/**
	 * The most pages one listing asks for: far more than any account has (a page holds up
	 * to 1,000 entries).
	 */
	static final int MAX_PAGES = 1000;

	private Pages() {
	}

	/**
	 * The pages of one listing.
	 * @param <P> the response type
	 * @param operation the API operation, for the error ({@code ListInferenceProfiles})
	 * @param page asks for the page of a token (null: the first page)
	 * @param nextToken the token of a page's successor (null or empty: the last page)
	 * @return every page, in order
	 * @throws SdkClientException when the endpoint repeats a token or never ends
	 */
	static <P> List<P> all(String operation, Function<@Nullable String, P> page,
			Function<P, @Nullable String> nextToken) {
		List<P> pages = new ArrayList<>();
		// each token with the page that answered it first
		Map<String, Integer> seen = new HashMap<>();
		String token = null;
		while (true) {
			if (pages.size() == MAX_PAGES) {
				throw SdkClientException.create(operation + " answered " + MAX_PAGES
						+ " pages without an end: the listing stopped (the endpoint, a proxy or emulator, keeps "
						+ "answering a nextToken)");
			}
			P answer = page.apply(token);
			pages.add(answer);
			token = nextToken.apply(answer);
			if (token == null || token.isEmpty()) {
				return pages;
			}
			Integer first = seen.putIfAbsent(token, pages.size());
			if (first != null) {
				throw SdkClientException.create(operation + " answered nextToken " + Quoting.quoted(token) + " on page "
						+ pages.size() + " as on page " + first
						+ ": the endpoint (a proxy or emulator; AWS does not) repeats its pages, so the listing "
						+ "stopped instead of asking for them forever");
			}
		}
	}

}
