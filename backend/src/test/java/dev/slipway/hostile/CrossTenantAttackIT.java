package dev.slipway.hostile;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.test.Command;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.OtherUser;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second user tries every request Slipway maps under an app, read from Spring MVC's own list of
 * mappings so that endpoints added later are tried too, against a victim's real app (a build, a release,
 * a config var, a domain, an add-on), with every method each mapping takes: the API with their token,
 * the pages with their browser session, git with their token. Each answers exactly as for an app that
 * does not exist, and nothing of the victim's app changes.
 */
class CrossTenantAttackIT {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");

	private static final Pattern CSRF_VALUE = Pattern.compile("(_csrf\"? (?:value|content)=\")[^\"]+");

	private static SlipwayUnderTest slipway;

	private static Victim victim;

	private static OtherUser attacker;

	/** The victim's app and the things in it each path variable names. */
	record Victim(String app, long build, int release, String addon, String domain) {
	}

	/** One request of one mapping, with every variable filled in. */
	record Call(String method, String path, boolean api, boolean stream) {

		@Override
		public String toString() {
			return method + " " + path;
		}

	}

	@BeforeAll
	static void victimWithEverything() {
		slipway = SlipwayUnderTest.shared();
		Http owner = slipway.adminApi();
		String app = slipway.createApp("victim");
		GitProject.Push push = GitProject.sample("dockerfile").push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		assertThat(owner.patch("/api/apps/" + app + "/config-vars", Map.of("SECRET", "victims-secret")).status())
			.isEqualTo(200);
		String domain = app + ".victim.test";
		assertThat(owner.post("/api/apps/" + app + "/domains", Map.of("hostname", domain)).status()).isEqualTo(201);
		Http.Response addon = owner.post("/api/apps/" + app + "/addons", Map.of("plan", "postgresql"));
		assertThat(addon.status()).as(addon.toString()).isEqualTo(201);
		long build = owner.get("/api/apps/" + app + "/builds").json().get(0).get("id").asLong();
		int release = owner.get("/api/apps/" + app + "/releases").json().get(0).get("version").asInt();
		victim = new Victim(app, build, release, addon.json().get("name").asString(), domain);
		attacker = OtherUser.create(slipway, "attacker");
	}

	@Test
	void everyRequestAboutAnotherUsersAppAnswersAsForNoAppAndChangesNothing() {
		Map<String, String> before = snapshot();
		String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, victim.app().length() - 6);
		List<Call> calls = calls(victim.app());
		assertThat(calls).as("the mappings under an app").hasSizeGreaterThan(40);

		List<String> failures = new ArrayList<>();
		for (Call call : calls) {
			Http.Response attacked = asAttacker(call);
			Http.Response nothing = asAttacker(new Call(call.method(), call.path().replace(victim.app(), ghost), call.api(),
					call.stream()));
			if (attacked.status() != 404) {
				failures.add(call + " answered " + attacked);
			}
			else if (call.api() && !"app_not_found".equals(attacked.json().path("code").asString(""))) {
				failures.add(call + " answered a 404 without the code app_not_found: " + attacked.body());
			}
			else if (!normalized(attacked, victim.app()).equals(normalized(nothing, ghost))) {
				failures.add(call + " answered differently than for an app that does not exist:\n" + attacked
						+ "\n---\n" + nothing);
			}
		}
		assertThat(failures).isEmpty();

		assertThat(attacker.api().get("/api/apps").body()).doesNotContain(victim.app());
		assertThat(snapshot()).isEqualTo(before);
		assertThat(RouterClient.get(victim.app()).body()).startsWith("docker v1");
	}

	@Test
	void theOwnerStillReadsEveryPageAndEndpoint() {
		Http browser = slipway.browserSession();
		List<String> failures = new ArrayList<>();
		for (Call call : calls(victim.app())) {
			if (!call.method().equals("GET")) {
				continue;
			}
			Http client = call.api() ? slipway.adminApi() : browser;
			int status = statusOnly(client, call.path());
			if (status != 200 && status != 204) {
				failures.add(call + " answered the owner " + status);
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void gitFetchAndPushOfAnotherUsersAppAnswerAsForNoApp() {
		String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, victim.app().length() - 6);
		Command.Result fetch = lsRemote(victim.app());
		assertThat(fetch.succeeded()).isFalse();
		assertThat(fetch.output()).contains("remote: There is no app named '" + victim.app() + "'.");
		assertThat(fetch.output().replace(victim.app(), "<app>")).isEqualTo(lsRemote(ghost).output().replace(ghost, "<app>"));

		GitProject project = GitProject.sample("dockerfile").write("server.sh", "#!/bin/sh\necho taken over\n").commit("mine");
		GitProject.Push push = project.push(slipway, victim.app(), attacker.token());
		assertThat(push.succeeded()).isFalse();
		assertThat(push.output()).contains("remote: There is no app named '" + victim.app() + "'.");
		assertThat(push.output().replace(victim.app(), "<app>"))
			.isEqualTo(project.push(slipway, ghost, attacker.token()).output().replace(ghost, "<app>"));

		assertThat(slipway.adminApi().get("/api/apps/" + victim.app() + "/builds").json().size()).isEqualTo(1);
		assertThat(RouterClient.get(victim.app()).body()).startsWith("docker v1");
	}

	/** Every mapping under {@code /apps/<app>} or {@code /api/apps/<app>}, once per method it takes. */
	private static List<Call> calls(String app) {
		RequestMappingHandlerMapping mappings = slipway.bean(RequestMappingHandlerMapping.class);
		List<Call> calls = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			boolean stream = info.getProducesCondition()
				.getProducibleMediaTypes()
				.stream()
				.anyMatch(MediaType.TEXT_EVENT_STREAM::includes);
			for (String pattern : info.getPatternValues()) {
				boolean api = pattern.startsWith("/api/apps/{");
				if (!api && !pattern.startsWith("/apps/{")) {
					continue;
				}
				String path = fill(pattern, app);
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.values()) : methods) {
					if (method != RequestMethod.HEAD && method != RequestMethod.OPTIONS && method != RequestMethod.TRACE) {
						calls.add(new Call(method.name(), path, api, stream));
					}
				}
			}
		}
		calls.sort((a, b) -> a.toString().compareTo(b.toString()));
		return calls;
	}

	/** The pattern with the app's name for its first variable and the victim's things for the others. */
	private static String fill(String pattern, String app) {
		Matcher variable = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		boolean first = true;
		while (variable.find()) {
			String value;
			if (first) {
				value = app;
				first = false;
			}
			else {
				value = switch (variable.group(1)) {
					case "id" -> Long.toString(victim.build());
					case "version" -> Integer.toString(victim.release());
					case "name" -> victim.addon();
					case "hostname" -> victim.domain();
					case "type" -> "web";
					case "part" -> "releases";
					default -> variable.group(2) != null ? variable.group(2).split("\\|")[0]
							: fail("CrossTenantAttackIT has no value for {" + variable.group(1) + "} in " + pattern
									+ ": add one naming a real thing of the victim's app");
				};
			}
			variable.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		variable.appendTail(path);
		return path.toString();
	}

	private static String fail(String message) {
		throw new AssertionError(message);
	}

	private static Http.Response asAttacker(Call call) {
		String path = call.path() + (call.stream() ? "?releases=0" : "");
		if (call.api()) {
			String target = path + (call.method().equals("DELETE") ? "?confirm=" + victim.app() : "");
			// The whole take-over first; an endpoint that refuses it as a body checks its fields before the app,
			// so then its text fields alone (a hostname), then each field alone (an endpoint that takes only one).
			List<Map<String, Object>> bodies = new ArrayList<>();
			bodies.add(attackBody());
			Map<String, Object> text = new LinkedHashMap<>(attackBody());
			text.values().removeIf(value -> !(value instanceof String));
			bodies.add(text);
			attackBody().forEach((key, value) -> bodies.add(Map.of(key, value)));
			Http.Response answer = null;
			for (Map<String, Object> body : bodies) {
				answer = attacker.api().sendJson(call.method(), target, body);
				if (answer.status() != 400) {
					break;
				}
			}
			return answer;
		}
		if (call.method().equals("GET")) {
			return attacker.browser().get(path);
		}
		String last = lastSegment(call.path());
		return attacker.browser().submitForm("/account", path, formFields(last));
	}

	/** A body every API endpoint under an app would act on: a take-over, were it let through. */
	private static Map<String, Object> attackBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("SECRET", "overwritten");
		body.put("buildpack", "node");
		body.put("updates", List.of(Map.of("type", "web", "quantity", 0)));
		body.put("quantity", 0);
		body.put("size", "standard");
		body.put("command", "env");
		body.put("attach", false);
		body.put("plan", "postgresql");
		body.put("name", "stolen");
		body.put("hostname", "stolen.attacker.test");
		body.put("dynos_may_run_as_root", true);
		return body;
	}

	private static Map<String, String> formFields(String confirmation) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("confirmation", confirmation);
		fields.put("key", "SECRET");
		fields.put("value", "overwritten");
		fields.put("text", "SECRET=overwritten");
		fields.put("type", "web");
		fields.put("quantity", "0");
		fields.put("size", "standard");
		fields.put("plan", "postgresql");
		fields.put("name", "stolen");
		fields.put("hostname", "stolen.attacker.test");
		fields.put("buildpack", "node");
		fields.put("root", "true");
		return fields;
	}

	/** What a confirmation field must repeat: the app's or the add-on's name, whichever the path names last. */
	private static String lastSegment(String path) {
		String[] segments = path.split("/");
		for (int i = segments.length - 1; i >= 0; i--) {
			if (segments[i].equals(victim.addon()) || segments[i].equals(victim.app())) {
				return segments[i];
			}
		}
		return victim.app();
	}

	/** Status, content type and body, with the app's name and the per-response CSRF token taken out. */
	private static String normalized(Http.Response response, String app) {
		String body = CSRF_VALUE.matcher(response.body()).replaceAll("$1<csrf>").replace(app, "<app>");
		return response.status() + " " + response.header("Content-Type") + "\n" + body;
	}

	/** The owner's status of a GET, streams included: their first bytes are enough. */
	private static int statusOnly(Http client, String path) {
		try {
			HttpResponse<InputStream> response = client.client()
				.send(client.request(path + "?releases=0").GET().timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.ofInputStream());
			response.body().close();
			return response.statusCode();
		}
		catch (Exception ex) {
			throw new AssertionError("GET " + path + " failed", ex);
		}
	}

	private static Command.Result lsRemote(String app) {
		return Command.run(List.of("git", "-c", "credential.helper=", "ls-remote", slipway.gitUrl(app, attacker.token())),
				null, environment -> environment.put("GIT_TERMINAL_PROMPT", "0"), Duration.ofMinutes(1), line -> {
				});
	}

	/** What the owner sees of the app: it must be the same after the attacks. */
	private static Map<String, String> snapshot() {
		Http owner = slipway.adminApi();
		String base = "/api/apps/" + victim.app();
		Map<String, String> seen = new LinkedHashMap<>();
		seen.put("app", owner.get(base).body());
		seen.put("config", owner.get(base + "/config-vars").body());
		JsonNode releases = owner.get(base + "/releases").json();
		seen.put("releases", releases.size() + " current v" + releases.get(0).get("version").asInt());
		seen.put("builds", Integer.toString(owner.get(base + "/builds").json().size()));
		seen.put("domains", owner.get(base + "/domains").body());
		seen.put("addons", owner.get(base + "/addons").body());
		seen.put("formation", owner.get(base + "/formation").body());
		seen.put("buildpack", owner.get(base + "/buildpack").body());
		Set<String> dynos = new TreeSet<>();
		owner.get(base + "/dynos").json().forEach(dyno -> dynos.add(dyno.get("name").asString()));
		seen.put("dynos", dynos.toString());
		return seen;
	}

}
