package dev.slipway.builds.web;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import dev.slipway.builds.Build;
import dev.slipway.builds.BuildService;
import dev.slipway.builds.OutputLine;
import dev.slipway.builds.OutputPage;
import dev.slipway.errors.SlipwayException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A build's output so far as plain text, read and written a page at a time, never all of it in memory. */
final class BuildOutputText {

	static final int PAGE = 1000;

	private BuildOutputText() {
	}

	static ResponseEntity<StreamingResponseBody> of(BuildService builds, Build build) {
		builds.outputExpiry(build).ifPresent(message -> {
			throw SlipwayException.notFound("build_output_expired", message);
		});
		StreamingResponseBody body = out -> {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			int after = 0;
			OutputPage page;
			do {
				page = builds.output(build, after, PAGE);
				for (OutputLine line : page.lines()) {
					writer.write(line.text());
					writer.write('\n');
				}
				writer.flush();
				after = page.lastNumber(after);
			}
			while (page.lines().size() == PAGE);
		};
		return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(body);
	}

}
