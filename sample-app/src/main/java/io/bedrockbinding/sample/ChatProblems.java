package io.bedrockbinding.sample;

import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.FailureReason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the chat API as an RFC 9457 problem ({@code application/problem+json})
 * that says what to do, never a stack trace: the pipe's failures by their
 * {@link FailureReason}, a model ID that is not one, a request without its fields, and
 * (through {@link ResponseEntityExceptionHandler}) Spring MVC's own errors such as a body
 * that is not JSON.
 */
@RestControllerAdvice
class ChatProblems extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ChatProblems.class);

	@ExceptionHandler(BedrockPipeException.class)
	ProblemDetail pipeFailed(BedrockPipeException ex) {
		return problem(ex);
	}

	@ExceptionHandler(InvalidTargetException.class)
	ProblemDetail invalidModelId(InvalidTargetException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid model ID");
		problem.setProperty("fix", "send a model ID such as amazon.nova-pro-v1:0 (GET /api/models lists them)");
		return problem;
	}

	@ExceptionHandler(InvalidChatRequestException.class)
	ProblemDetail invalidRequest(InvalidChatRequestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid chat request");
		problem.setProperty("fix", ex.fix());
		return problem;
	}

	/**
	 * The problem of a pipe failure, also sent as the {@code error} event of a stream.
	 * @param ex the failure
	 * @return the problem
	 */
	static ProblemDetail problem(BedrockPipeException ex) {
		HttpStatus status = status(ex.reason());
		if (status.is5xxServerError()) {
			logger.warn("Chat call failed: {}", ex.getMessage());
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title(ex.reason()));
		problem.setProperty("reason", ex.reason().name());
		problem.setProperty("fix", ex.fix());
		problem.setProperty("model", ex.modelId());
		// one after the other: the fields of every failure come in the same order
		setIfKnown(problem, "target", ex.target());
		setIfKnown(problem, "region", ex.region());
		setIfKnown(problem, "errorCode", ex.errorCode());
		setIfKnown(problem, "requestId", ex.requestId());
		return problem;
	}

	/**
	 * Adds a property to a problem unless its value is unknown.
	 * @param problem the problem
	 * @param name the name of the property
	 * @param value its value, or {@code null} to leave it out
	 */
	private static void setIfKnown(ProblemDetail problem, String name, @Nullable String value) {
		if (value != null) {
			problem.setProperty(name, value);
		}
	}

	/**
	 * The HTTP status of each failure: the caller's own mistakes are 4xx, Bedrock's and
	 * the way to it 502/504, this server's configuration 500.
	 * @param reason why the call failed
	 * @return the status to answer with
	 */
	static HttpStatus status(FailureReason reason) {
		return switch (reason) {
			case UNKNOWN_MODEL -> HttpStatus.NOT_FOUND;
			case INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
			case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
			case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
			case SERVICE_ERROR, CONNECTION_FAILED, CONNECTION_CLOSED, MALFORMED_RESPONSE, STREAM_INTERRUPTED,
					TOOL_ROUNDS_EXCEEDED, OUTPUT_MISMATCH ->
				HttpStatus.BAD_GATEWAY;
			case ON_DEMAND_NOT_SUPPORTED, END_OF_LIFE, ACCESS_DENIED, UNRESOLVED_TEMPLATE, CANCELLED, OTHER ->
				HttpStatus.INTERNAL_SERVER_ERROR;
		};
	}

	private static String title(FailureReason reason) {
		return switch (reason) {
			case ON_DEMAND_NOT_SUPPORTED -> "Model needs an inference profile";
			case ACCESS_DENIED -> "Access to the model denied";
			case UNKNOWN_MODEL -> "Unknown model";
			case END_OF_LIFE -> "Model past its end of life";
			case INVALID_REQUEST -> "Request refused by Bedrock";
			case THROTTLED -> "Throttled";
			case TIMEOUT -> "Timed out";
			case TOOL_ROUNDS_EXCEEDED -> "Too many tool rounds";
			case OUTPUT_MISMATCH -> "Answer does not match the schema";
			case CONNECTION_FAILED -> "Bedrock unreachable";
			case UNRESOLVED_TEMPLATE -> "Binding target incomplete";
			case SERVICE_ERROR -> "Bedrock failed";
			case STREAM_INTERRUPTED -> "Stream interrupted";
			case MALFORMED_RESPONSE -> "Unreadable answer from Bedrock";
			case CONNECTION_CLOSED -> "Connection to Bedrock closed";
			case CANCELLED -> "Chat call cancelled";
			case OTHER -> "Chat call failed";
		};
	}

}
