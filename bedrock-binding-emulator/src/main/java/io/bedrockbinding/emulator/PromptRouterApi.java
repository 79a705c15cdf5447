package io.bedrockbinding.emulator;

import java.util.List;

import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.identifier.BedrockArn;
import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.identifier.TargetKind;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control plane's prompt routers: ListPromptRouters ({@code GET /prompt-routers}) and
 * GetPromptRouter ({@code GET /prompt-routers/{promptRouterArn}}), fields as in
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_PromptRouterSummary.html.
 * Every router lists at once: no page is ever cut.
 */
final class PromptRouterApi {

	private final PromptRouters routers;

	private final String account;

	PromptRouterApi(PromptRouters routers, String account) {
		this.routers = routers;
		this.account = account;
	}

	Answer listPromptRouters(Call call) {
		String type = call.parameters().get("type");
		if (type != null && !type.equals("default") && !type.equals("custom")) {
			throw BedrockError.validation("1 validation error detected: Value '" + type
					+ "' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [custom, default]");
		}
		ObjectNode reply = Json.newObject();
		ArrayNode summaries = reply.putArray("promptRouterSummaries");
		this.routers.inRegion(call.region(), type).forEach((router) -> summaries.add(summary(router)));
		return Answers.json(reply);
	}

	Answer getPromptRouter(Call call) {
		String identifier = call.requireResource();
		BedrockArn arn;
		try {
			arn = BedrockArn.parse(identifier);
		}
		catch (InvalidTargetException ex) {
			throw BedrockError.validation("The provided prompt router ARN is invalid: " + identifier);
		}
		if (arn.kind() != TargetKind.PROMPT_ROUTER_ARN) {
			throw BedrockError.validation("The provided prompt router ARN is invalid: " + identifier);
		}
		if (!arn.account().equals(this.account)) {
			throw BedrockError.accessDenied("User: " + Arns.caller(call.region(), this.account)
					+ " is not authorized to perform: bedrock:GetPromptRouter on resource: " + identifier);
		}
		return this.routers.byArn(identifier)
			.filter((router) -> router.region().equals(call.region()))
			.map((router) -> Answers.json(summary(router)))
			.orElseThrow(() -> BedrockError
				.notFound("The prompt router " + identifier + " couldn't be found in " + call.region() + "."));
	}

	private static ObjectNode summary(PromptRouters.PromptRouter router) {
		ObjectNode node = Json.newObject();
		node.put("promptRouterArn", router.arn());
		node.put("promptRouterName", router.name());
		node.put("type", router.type());
		node.put("status", "AVAILABLE");
		node.put("createdAt", router.createdAt().toString());
		node.put("updatedAt", router.createdAt().toString());
		node.putObject("fallbackModel")
			.put("modelArn", Arns.foundationModel(router.region(), router.fallback().modelId()));
		ArrayNode models = node.putArray("models");
		modelArns(router.region(), router.models()).forEach((modelArn) -> models.addObject().put("modelArn", modelArn));
		node.putObject("routingCriteria").put("responseQualityDifference", 0.0);
		return node;
	}

	private static List<String> modelArns(String region, List<ModelInfo> models) {
		return models.stream().map((model) -> Arns.foundationModel(region, model.modelId())).toList();
	}

}
