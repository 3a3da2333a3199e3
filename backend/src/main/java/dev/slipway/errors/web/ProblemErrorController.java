package dev.slipway.errors.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import dev.slipway.errors.Problems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;

/**
 * Errors that reach no API controller (an unknown path, a method no endpoint takes, a failure in a
 * filter) answer problem JSON with a code too; browsers asking for HTML still get the error page.
 */
@Controller
class ProblemErrorController extends BasicErrorController {

	ProblemErrorController(ErrorAttributes errorAttributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers) {
		super(errorAttributes, web.getError(), resolvers.orderedStream().toList());
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.document(status.value(), Problems.code(status.value()), detail(request, status)));
	}

	/** Without the method: during the error dispatch the request may no longer say which it was. */
	private static String detail(HttpServletRequest request, HttpStatus status) {
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return switch (status) {
			case NOT_FOUND -> "There is nothing at " + path + ". The API's endpoints are under /api (see the README).";
			case METHOD_NOT_ALLOWED -> path + " does not take this method; the README's API table lists what it takes.";
			case INTERNAL_SERVER_ERROR -> "Slipway failed to answer " + path + ". Its log has the details.";
			default -> status.getReasonPhrase() + ": " + path + ".";
		};
	}

}
