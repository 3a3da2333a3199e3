package dev.slipway.errors.web;

import dev.slipway.errors.Problems;
import dev.slipway.errors.SlipwayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * Turns every error of the API's controllers into problem JSON with a code: Slipway's refusals,
 * Spring's own (bad parameters, methods, media types) and failures (of Docker, say).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(SlipwayException ex) {
		return ResponseEntity.status(ex.kind().status()).body(Problems.of(ex));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		if (NestedExceptionUtils.getRootCause(ex) instanceof RequestSizeLimit.TooLarge tooLarge) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(Problems.of(413, RequestSizeLimit.CODE, tooLarge.getMessage()));
		}
		String reason = ex.getCause() instanceof JacksonException json ? " (" + json.getOriginalMessage() + ")" : "";
		return ResponseEntity.badRequest()
			.body(Problems.of(400, "invalid_json", "The request body is not the JSON this endpoint takes" + reason + "."));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(Problems.of(415, "unsupported_media_type", "Send JSON with Content-Type: application/json."));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> mistyped(TypeMismatchException ex) {
		String name = ex.getPropertyName() != null ? ex.getPropertyName() : "a parameter";
		return ResponseEntity.badRequest()
			.body(Problems.of(400, "invalid_parameter", "'" + ex.getValue() + "' is not a valid value for " + name
					+ (ex.getRequiredType() != null ? " (a " + ex.getRequiredType().getSimpleName() + ")" : "") + "."));
	}

	/**
	 * Spring MVC's own refusals (a missing parameter, a method the endpoint does not take) keep their
	 * status and words; anything else is Slipway's failure, a Docker call's for instance: a 500 that
	 * says what failed. Security's refusals go on to its own handlers; a client that went away gets
	 * nothing.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> failed(Exception ex) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex;
		}
		if (ex instanceof AsyncRequestNotUsableException) {
			return null;
		}
		if (ex instanceof ErrorResponse spring) {
			ProblemDetail problem = spring.getBody();
			problem.setProperty("code", Problems.code(spring.getStatusCode().value()));
			return ResponseEntity.status(spring.getStatusCode()).headers(spring.getHeaders()).body(problem);
		}
		log.error("An API request failed", ex);
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		return ResponseEntity.internalServerError()
			.body(Problems.of(500, "internal_error", "Slipway failed to answer: " + cause.getMessage()
					+ ". Its log has the details; try again, and report it if it persists."));
	}

}
