package dev.slipway.docker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.github.dockerjava.transport.DockerHttpClient;

/**
 * The stream connection, with {@code cgroupparent} added to image builds: the Engine's build API takes
 * it, docker-java's build command does not. Everything else passes through as it is.
 */
final class CgroupParentTransport implements DockerHttpClient {

	private static final Pattern BUILD = Pattern.compile("^(/v[0-9.]+)?/build(\\?.*)?$");

	private final DockerHttpClient delegate;

	private final String cgroupParent;

	CgroupParentTransport(DockerHttpClient delegate, String cgroupParent) {
		this.delegate = delegate;
		this.cgroupParent = cgroupParent;
	}

	@Override
	public Response execute(Request request) {
		if (!BUILD.matcher(request.path()).matches()) {
			return delegate.execute(request);
		}
		String path = request.path() + (request.path().contains("?") ? "&" : "?") + "cgroupparent="
				+ URLEncoder.encode(cgroupParent, StandardCharsets.UTF_8);
		return delegate.execute(Request.builder().from(request).path(path).build());
	}

	/** The connection is the shared stream connection's, which outlives this build. */
	@Override
	public void close() {
	}

}
