package io.bedrockbinding.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

/**
 * The one handler of the server: finds the operation of each request, applies injected
 * faults and latency, calls the API, turns errors into the API's wire format and journals
 * the answer.
 */
final class Router implements HttpHandler {

	static final String UNKNOWN = "Unknown";

	private static final String MODEL_PREFIX = "/model/";

	private static final String FOUNDATION_MODELS = "/foundation-models";

	private static final String INFERENCE_PROFILES = "/inference-profiles";

	private static final String PROMPT_ROUTERS = "/prompt-routers";

	private final RuntimeApi runtime;

	private final ControlPlaneApi controlPlane;

	private final PromptRouterApi promptRouterApi;

	private final PromptRouters promptRouters;

	private final StsApi sts;

	private final Faults faults;

	private final Journal journal;

	private final String defaultRegion;

	Router(RuntimeApi runtime, ControlPlaneApi controlPlane, PromptRouters promptRouters, String account, StsApi sts,
			Faults faults, Journal journal, String defaultRegion) {
		this.runtime = runtime;
		this.controlPlane = controlPlane;
		this.promptRouters = promptRouters;
		this.promptRouterApi = new PromptRouterApi(promptRouters, account);
		this.sts = sts;
		this.faults = faults;
		this.journal = journal;
		this.defaultRegion = defaultRegion;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		long start = System.nanoTime();
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			String method = exchange.getRequestMethod();
			String rawPath = exchange.getRequestURI().getRawPath();
			String rawQuery = exchange.getRequestURI().getRawQuery();
			String region = CallerRegion.of(exchange.getRequestHeaders().getFirst("Authorization"), this.defaultRegion);
			Call call = route(method, rawPath, rawQuery, body, region, start,
					exchange.getRequestHeaders().getFirst("Content-Type"));
			Answer answer = answer(call, method, rawPath);
			String journaled = method.equals("GET") ? queryText(call.parameters())
					: new String(body, StandardCharsets.UTF_8);
			// Journal first: a client that has its answer must find its call in the
			// journal.
			this.journal.add(new JournalEntry(Instant.now(), call.api(), call.resource(), region, journaled,
					answer.status(), routedModel(call, answer)));
			answer.write(exchange);
		}
	}

	private Answer answer(Call call, String method, String rawPath) {
		boolean xml = call.api().equals("GetCallerIdentity") || (call.api().equals(UNKNOWN) && rawPath.equals("/"));
		try {
			Fault fault = this.faults.take(call.api());
			delay(this.faults.latencyOf(call.api()));
			if (fault != null) {
				throw BedrockError.of(fault);
			}
			if (!this.faults.quotas().isEmpty() && Faults.RUNTIME_APIS.contains(call.api())) {
				this.faults.quotas().admit(call.resource(), () -> Quotas.tokensOf(call));
			}
			BrokenAnswer broken = this.faults.takeBroken(call.api());
			if (broken != null) {
				return new Answer.Spoiled(broken, call.api().equals("ConverseStream"));
			}
			return switch (call.api()) {
				case "Converse" -> this.runtime.converse(call);
				case "ConverseStream" -> this.runtime.converseStream(call);
				case "InvokeModel" -> this.runtime.invokeModel(call);
				case "InvokeModelWithResponseStream" -> this.runtime.invokeModelWithResponseStream(call);
				case "CountTokens" -> this.runtime.countTokens(call);
				case "ListFoundationModels" -> this.controlPlane.listFoundationModels(call);
				case "GetFoundationModel" -> this.controlPlane.getFoundationModel(call);
				case "ListInferenceProfiles" -> this.controlPlane.listInferenceProfiles(call);
				case "GetInferenceProfile" -> this.controlPlane.getInferenceProfile(call);
				case "ListPromptRouters" -> this.promptRouterApi.listPromptRouters(call);
				case "GetPromptRouter" -> this.promptRouterApi.getPromptRouter(call);
				case "GetCallerIdentity" -> this.sts.getCallerIdentity(call);
				case "CreateGuardrail" -> this.runtime.createGuardrail(call);
				default -> throw new BedrockError("UnknownOperationException", 404, "LocalBedrock does not emulate "
						+ (call.api().equals(UNKNOWN) ? method + " " + rawPath : call.api()) + ".");
			};
		}
		catch (BedrockError error) {
			return xml ? Answers.xmlError(error) : Answers.jsonError(error);
		}
		catch (RuntimeException ex) {
			BedrockError error = new BedrockError("InternalServerException", 500,
					"LocalBedrock failed to answer " + call.api() + ": " + ex);
			return xml ? Answers.xmlError(error) : Answers.jsonError(error);
		}
	}

	/**
	 * Maps method and raw path to the operation and its (decoded) resource.
	 * @param method the HTTP method
	 * @param rawPath the path, not yet percent-decoded
	 * @param rawQuery the query, not yet percent-decoded
	 * @param body the request body
	 * @param region the region the caller signed for
	 * @param start when the request arrived ({@link System#nanoTime()})
	 * @param contentType the {@code Content-Type} header, kept for the model calls
	 * @return the call
	 */
	private static Call route(String method, String rawPath, @Nullable String rawQuery, byte[] body, String region,
			long start, @Nullable String contentType) {
		if (method.equals("POST") && rawPath.startsWith(MODEL_PREFIX)) {
			for (String[] operation : new String[][] { { "/converse-stream", "ConverseStream" },
					{ "/converse", "Converse" }, { "/invoke-with-response-stream", "InvokeModelWithResponseStream" },
					{ "/invoke", "InvokeModel" }, { "/count-tokens", "CountTokens" } }) {
				if (rawPath.endsWith(operation[0])
						&& rawPath.length() > MODEL_PREFIX.length() + operation[0].length()) {
					String model = rawPath.substring(MODEL_PREFIX.length(), rawPath.length() - operation[0].length());
					return new Call(operation[1], UrlText.decodePath(model), region, body, Map.of(), start,
							contentType);
				}
			}
		}
		if (method.equals("GET")) {
			Map<String, String> query = UrlText.parameters(rawQuery);
			Call call = resourceCall(FOUNDATION_MODELS, "ListFoundationModels", "GetFoundationModel", rawPath, query,
					region, start);
			if (call == null) {
				call = resourceCall(PROMPT_ROUTERS, "ListPromptRouters", "GetPromptRouter", rawPath, query, region,
						start);
			}
			if (call == null) {
				call = resourceCall(INFERENCE_PROFILES, "ListInferenceProfiles", "GetInferenceProfile", rawPath, query,
						region, start);
			}
			if (call != null) {
				return call;
			}
		}
		if (method.equals("POST") && rawPath.equals("/guardrails")) {
			return new Call("CreateGuardrail", null, region, body, Map.of(), start);
		}
		if (method.equals("POST") && rawPath.equals("/")) {
			Map<String, String> form = UrlText.parameters(new String(body, StandardCharsets.UTF_8));
			String action = form.get("Action");
			return new Call("GetCallerIdentity".equals(action) ? action : UNKNOWN, null, region, body, form, start);
		}
		return new Call(UNKNOWN, null, region, body, Map.of(), start);
	}

	/**
	 * The model a prompt router answered a Converse or ConverseStream call with (the
	 * router's choice follows from the body, so asking again gives the same model).
	 * @param call the request
	 * @param answer its answer
	 * @return the model ID, or {@code null} for calls that no router answered
	 */
	private @Nullable String routedModel(Call call, Answer answer) {
		if (answer.status() != 200 || call.resource() == null
				|| !(call.api().equals("Converse") || call.api().equals("ConverseStream"))) {
			return null;
		}
		return this.promptRouters.byArn(call.resource())
			.map((router) -> PromptRouters.route(router, call.body()).modelId())
			.orElse(null);
	}

	private static @Nullable Call resourceCall(String prefix, String list, String get, String rawPath,
			Map<String, String> query, String region, long start) {
		if (rawPath.equals(prefix) || rawPath.equals(prefix + "/")) {
			return new Call(list, null, region, new byte[0], query, start);
		}
		if (rawPath.startsWith(prefix + "/")) {
			return new Call(get, UrlText.decodePath(rawPath.substring(prefix.length() + 1)), region, new byte[0], query,
					start);
		}
		return null;
	}

	private static void delay(Duration latency) {
		if (latency.isZero()) {
			return;
		}
		try {
			Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String queryText(Map<String, String> parameters) {
		StringBuilder text = new StringBuilder();
		parameters.forEach((name, value) -> {
			if (text.length() > 0) {
				text.append('&');
			}
			text.append(name).append('=').append(value);
		});
		return text.toString();
	}

}
