package dev.slipway.distribution.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import dev.slipway.errors.SlipwayException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The {@code slipway} command, served by the Slipway it talks to, with no login: its jar, its launcher
 * and {@code install.sh}, which installs both for the current user from the address it was fetched by.
 * The backend's jar carries them as the build made them (the cli module is built first).
 */
@RestController
class CliDownloads {

	private static final String SERVER_PLACEHOLDER = "@SLIPWAY_URL@";

	/** What the install script may name as the server, inside single quotes of a shell. */
	private static final Pattern SAFE_URL = Pattern.compile("https?://[A-Za-z0-9.\\-\\[\\]:]+(/[A-Za-z0-9._~/\\-]*)?");

	private static final MediaType SHELL_SCRIPT = new MediaType("text", "x-shellscript", StandardCharsets.UTF_8);

	private final Resource jar = new ClassPathResource("cli/slipway.jar");

	private final Resource launcher = new ClassPathResource("cli/slipway");

	private final Resource installScript = new ClassPathResource("cli/install.sh");

	@GetMapping("/cli/slipway.jar")
	ResponseEntity<Resource> jar() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.contentType(MediaType.parseMediaType("application/java-archive"))
			.body(present(jar));
	}

	@GetMapping("/cli/slipway")
	ResponseEntity<Resource> launcher() {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(SHELL_SCRIPT).body(present(launcher));
	}

	@GetMapping("/cli/install.sh")
	ResponseEntity<String> installScript() {
		String server = ServletUriComponentsBuilder.fromCurrentContextPath().replaceQuery(null).toUriString();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.contentType(SHELL_SCRIPT)
			.body(installScript(server));
	}

	/** The install script with the server it downloads from; an address a shell could misread is refused. */
	String installScript(String server) {
		String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
		if (!SAFE_URL.matcher(base).matches()) {
			throw SlipwayException.invalid("unsafe_address", "Slipway was reached by an address that is not a plain "
					+ "http(s) URL, which the install script cannot download from: fetch /cli/install.sh by Slipway's "
					+ "hostname or IP address.");
		}
		try {
			return present(installScript).getContentAsString(StandardCharsets.UTF_8).replace(SERVER_PLACEHOLDER, base);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the install script from Slipway's jar", ex);
		}
	}

	private static Resource present(Resource resource) {
		if (!resource.exists()) {
			throw SlipwayException.notFound("cli_not_built", "This Slipway was built without its command line: "
					+ "build it with the cli module (./mvnw package builds the CLI before the backend).");
		}
		return resource;
	}

}
