package dev.slipway.errors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body may be read up to {@code room} bytes: the read that goes past fails with the
 * given exception, once, so that whoever reads it stops and says why; later reads pass, which lets the
 * server read the rest away and the client see the answer instead of a broken pipe.
 */
public class SizeLimitedRequest extends HttpServletRequestWrapper {

	private final long room;

	private final Supplier<IOException> tooLarge;

	private ServletInputStream input;

	public SizeLimitedRequest(HttpServletRequest request, long room, Supplier<IOException> tooLarge) {
		super(request);
		this.room = room;
		this.tooLarge = tooLarge;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (input == null) {
			input = new Counted(super.getInputStream(), room, tooLarge);
		}
		return input;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		String encoding = getCharacterEncoding();
		Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

	private static final class Counted extends ServletInputStream {

		private final ServletInputStream in;

		private final Supplier<IOException> tooLarge;

		private long room;

		private boolean failed;

		Counted(ServletInputStream in, long room, Supplier<IOException> tooLarge) {
			this.in = in;
			this.room = room;
			this.tooLarge = tooLarge;
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

		private void count(int n) throws IOException {
			room -= n;
			if (room < 0 && !failed) {
				failed = true;
				throw tooLarge.get();
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
