package dev.slipway.errors.web;

import dev.slipway.errors.Problems;
import dev.slipway.errors.SlipwayException;
import tools.jackson.core.JacksonException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns refusals into problem JSON for the API's controllers. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(SlipwayException ex) {
		return ResponseEntity.status(ex.kind().status()).body(Problems.of(ex));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		String reason = ex.getCause() instanceof JacksonException json ? " (" + json.getOriginalMessage() + ")" : "";
		return ResponseEntity.badRequest()
			.body(Problems.of(400, "invalid_json", "The request body is not the JSON this endpoint takes" + reason + "."));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(Problems.of(415, "unsupported_media_type", "Send JSON with Content-Type: application/json."));
	}

}
