package dev.slipway.errors.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import dev.slipway.errors.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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
		chain.doFilter(new Bounded(request, maxBytes), response);
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

	private static final class Bounded extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		Bounded(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new Counting(super.getInputStream(), maxBytes);
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream in;

		private final long maxBytes;

		private long read;

		Counting(ServletInputStream in, long maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws TooLarge {
			read += n;
			if (read > maxBytes) {
				throw new TooLarge(maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
