package dev.slipway.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A running Slipway as the tests drive it from outside: its API as the admin, its git remote and
 * the containers it runs, whether it runs in the test JVM or as a process of its own.
 */
public abstract class ControlPlane {

	public static final String ADMIN_EMAIL = "admin@slipway.test";

	public static final String ADMIN_PASSWORD = "correct-horse-battery";

	private final String instance;

	private String adminToken;

	protected ControlPlane(String instance) {
		this.instance = instance;
	}

	public abstract String baseUrl();

	/** Its name, which labels its containers, volumes and networks. */
	public String instance() {
		return instance;
	}

	/** The git remote of an app, with the token as the password. */
	public String gitUrl(String app, String token) {
		return baseUrl().replace("http://", "http://git:" + token + "@") + "/git/" + app + ".git";
	}

	/** Creates an app as the admin and returns its name. */
	public String createApp(String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
		Http.Response created = adminApi().post("/api/apps", Map.of("name", name));
		if (created.status() != 201) {
			throw new IllegalStateException("Cannot create the app " + name + ": " + created);
		}
		return name;
	}

	/** An API token of the admin account, created on first use with email and password. */
	public synchronized String adminToken() {
		if (adminToken == null) {
			Http.Response created = Http.basic(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD)
				.post("/api/tokens", Map.of("name", "integration tests"));
			if (created.status() != 201) {
				throw new IllegalStateException("Cannot create the admin token: " + created);
			}
			adminToken = created.json().get("token").asString();
		}
		return adminToken;
	}

	/** A browser session of the admin, logged in through the login form. */
	public Http browserSession() {
		Http browser = Http.browser(baseUrl());
		Http.Response login = browser.submitForm("/login", "/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
		if (login.status() != 302 || login.header("Location").contains("error")) {
			throw new IllegalStateException("Cannot log in: " + login);
		}
		return browser;
	}

	public Http adminApi() {
		return Http.api(baseUrl(), adminToken());
	}

	/** The ids of the app's containers Docker has, running or not, that carry every label given ({@code key=value}). */
	public List<String> containers(String app, String... labels) {
		List<String> command = new ArrayList<>(List.of("ps", "-aq", "--filter",
				"label=dev.slipway.instance=" + instance, "--filter", "label=dev.slipway.app=" + app));
		for (String label : labels) {
			command.add("--filter");
			command.add("label=" + label);
		}
		String output = DockerCli.run(command.toArray(String[]::new));
		return output.isBlank() ? List.of() : List.of(output.split("\\R"));
	}

	/** Waits until the app has no container with these labels (the old release's, say), or fails after {@code timeout}. */
	public void awaitNoContainers(String app, Duration timeout, String... labels) {
		Instant deadline = Instant.now().plus(timeout);
		List<String> left = containers(app, labels);
		while (!left.isEmpty()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError(app + " still has the containers " + left + " labelled " + List.of(labels)
						+ " after " + timeout);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			left = containers(app, labels);
		}
	}

}
