package dev.slipway.errors.web;

import java.io.IOException;

import dev.slipway.errors.Problems;
import dev.slipway.errors.SizeLimitedRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body but a git push's: one with a larger Content-Length is answered 413 before
 * anything reads it, and one sent in chunks fails as soon as it passes the limit, so a client cannot
 * make Slipway hold an endless JSON document in memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

	static final String CODE = "request_too_large";

	private final long maxBytes;

	RequestSizeLimit(RequestSizeSettings settings) {
		this.maxBytes = settings.maxRequestSize().toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/git/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			Problems.write(response, 413, CODE, message(maxBytes));
			return;
		}
		chain.doFilter(new SizeLimitedRequest(request, maxBytes, () -> new TooLarge(maxBytes)), response);
	}

	static String message(long maxBytes) {
		return "The request body is larger than the " + maxBytes / 1024
				+ " kB Slipway takes (SLIPWAY_MAX_REQUEST_SIZE); send less.";
	}

	/** What reading past the limit throws; the API's error handler answers it with 413. */
	static final class TooLarge extends IOException {

		TooLarge(long maxBytes) {
			super(message(maxBytes));
		}

	}

}
