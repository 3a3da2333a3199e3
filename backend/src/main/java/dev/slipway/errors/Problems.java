package dev.slipway.errors;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem documents with Slipway's {@code code} member, as the JSON API answers errors. */
public final class Problems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	public static ProblemDetail of(int status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
		problem.setProperty("code", code);
		return problem;
	}

	public static ProblemDetail of(SlipwayException ex) {
		return of(ex.kind().status(), ex.code(), ex.getMessage());
	}

	/**
	 * The code of an error only its HTTP status describes (Spring's own, such as an unknown path):
	 * the status in words, {@code not_found} or {@code method_not_allowed}.
	 */
	public static String code(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return known != null ? known.name().toLowerCase(Locale.ROOT) : "http_" + status;
	}

	/** A problem document as a map, for answers written outside Spring MVC's message converters. */
	public static Map<String, Object> document(int status, String code, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		HttpStatus known = HttpStatus.resolve(status);
		problem.put("type", "about:blank");
		problem.put("title", known != null ? known.getReasonPhrase() : "HTTP " + status);
		problem.put("status", status);
		problem.put("detail", detail);
		problem.put("code", code);
		return problem;
	}

	/** Writes a problem outside Spring MVC, from security filters for instance. */
	public static void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), document(status, code, detail));
	}

}
