package dev.slipway.router;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * Renders the nginx routes of every app: hostnames, upstreams, or the page that says why there are
 * none; on HTTPS, one server per certificate an app's hostnames have, and the redirects to it.
 */
final class RouteTable {

	static final String CERTIFICATES_DIRECTORY = "/etc/nginx/slipway/certs";

	private static final Template TEMPLATE = template();

	/** The host's name servers (the router uses the host's network), which nginx asks for OCSP responders. */
	private static final String RESOLVER = nameservers(Path.of("/etc/resolv.conf"));

	private RouteTable() {
	}

	static String render(long generation, RouterSettings settings, Routing routing) {
		List<Map<String, Object>> apps = new ArrayList<>();
		List<Map<String, Object>> dynos = new ArrayList<>();
		Map<String, Integer> redirects = new TreeMap<>();
		Set<String> uncertified = new TreeSet<>();
		String httpsSuffix = settings.httpsPort() == 443 ? "" : ":" + settings.httpsPort();
		// nginx refuses a map that names an address twice, which two routes can for a moment: a
		// crashed dyno's address taken by a new container before the crash reached its app's route.
		Set<String> addresses = new HashSet<>();
		new TreeMap<>(routing.routes()).forEach((app, route) -> {
			boolean serving = route.state() == Route.State.SERVING;
			List<String> hostnames = routing.hostnames().getOrDefault(app, List.of());
			HttpsPolicy policy = routing.policy(app);
			List<Map<String, Object>> secured = new ArrayList<>();
			if (settings.httpsEnabled()) {
				byCertificate(hostnames, routing.certificates()).forEach((certificate, names) -> secured.add(Map.of(
						"hostnames", String.join(" ", names), "file", file(certificate), "hsts", policy.hsts(),
						"redirect", false)));
				for (String hostname : hostnames) {
					boolean certified = routing.certificates().containsKey(hostname);
					redirects.put(hostname, certified && policy.redirect() ? 1 : 0);
					if (!certified) {
						uncertified.add(hostname);
					}
				}
			}
			Map<String, Object> model = new HashMap<>();
			model.put("name", app);
			model.put("state", route.state().name().toLowerCase());
			model.put("serving", serving);
			model.put("hostnames", String.join(" ", hostnames));
			model.put("upstreams", route.upstreams());
			model.put("title", title(route.state()));
			model.put("message", message(app, route.state()));
			model.put("secured", secured);
			model.put("redirect", policy.redirect() && !secured.isEmpty());
			apps.add(model);
			route.upstreams()
				.stream()
				.filter(upstream -> addresses.add(upstream.address()))
				.forEach(upstream -> dynos.add(Map.of("address", upstream.address(), "dyno", upstream.dyno())));
		});
		Map<String, Object> model = new HashMap<>();
		model.put("generation", generation);
		model.put("port", settings.port());
		model.put("httpsPort", settings.httpsEnabled() ? settings.httpsPort() : false);
		model.put("httpsSuffix", httpsSuffix);
		model.put("connectTimeout", settings.connectTimeout().toSeconds());
		model.put("readTimeout", settings.readTimeout().toSeconds());
		model.put("resolver", RESOLVER.isEmpty() ? false : RESOLVER);
		model.put("apps", apps);
		model.put("dynos", dynos);
		model.put("redirects", redirects.entrySet()
			.stream()
			.map(entry -> Map.of("name", entry.getKey(), "value", entry.getValue()))
			.toList());
		Object controlPlane = controlPlane(settings, routing);
		if (controlPlane instanceof Map<?, ?> own && Boolean.FALSE.equals(own.get("certificate"))) {
			uncertified.add(settings.controlPlaneHostname());
		}
		model.put("uncertified", uncertified.isEmpty() ? false : String.join(" ", uncertified));
		model.put("controlPlane", controlPlane);
		return TEMPLATE.execute(model);
	}

	/** Slipway's own server, once its web server listens and the router is to serve it at a hostname. */
	private static Object controlPlane(RouterSettings settings, Routing routing) {
		String hostname = settings.controlPlaneHostname();
		if (routing.controlPlanePort() == 0 || hostname.isEmpty()) {
			return false;
		}
		TlsCertificate certificate = settings.httpsEnabled() ? routing.certificates().get(hostname) : null;
		Map<String, Object> model = new HashMap<>();
		model.put("hostname", hostname);
		model.put("controlPlanePort", routing.controlPlanePort());
		model.put("redirect", certificate != null);
		model.put("certificate", certificate == null ? false : Map.of("file", file(certificate)));
		return model;
	}

	/** The hostnames that have a certificate, grouped by it, in the order given. */
	private static Map<TlsCertificate, List<String>> byCertificate(List<String> hostnames,
			Map<String, TlsCertificate> certificates) {
		Map<TlsCertificate, List<String>> groups = new LinkedHashMap<>();
		for (String hostname : hostnames) {
			TlsCertificate certificate = certificates.get(hostname);
			if (certificate != null) {
				groups.computeIfAbsent(certificate, key -> new ArrayList<>()).add(hostname);
			}
		}
		return groups;
	}

	static String nameservers(Path resolvConf) {
		try {
			return Files.readAllLines(resolvConf)
				.stream()
				.map(String::strip)
				.filter(line -> line.startsWith("nameserver "))
				.map(line -> line.substring("nameserver ".length()).strip())
				.filter(address -> address.matches("[0-9a-fA-F.:]+"))
				.map(address -> address.contains(":") ? "[" + address + "]" : address)
				.collect(Collectors.joining(" "));
		}
		catch (IOException ex) {
			return "";
		}
	}

	static String file(TlsCertificate certificate) {
		return CERTIFICATES_DIRECTORY + "/" + certificate.fileName();
	}

	private static String title(Route.State state) {
		return switch (state) {
			case SERVING -> "";
			case NOT_DEPLOYED -> "Nothing deployed yet";
			case NO_WEB_DYNOS -> "No web dynos running";
			case CRASHED -> "Application error";
		};
	}

	private static String message(String app, Route.State state) {
		return switch (state) {
			case SERVING -> "";
			case NOT_DEPLOYED -> app + " exists but nothing has been pushed to it yet.";
			case NO_WEB_DYNOS -> app + " runs no web dyno: scale web above 0 to serve requests.";
			case CRASHED -> app + " crashed and is restarting. Its logs tell why.";
		};
	}

	private static Template template() {
		Mustache.Compiler compiler = Mustache.compiler()
			.escapeHTML(false)
			.withLoader(name -> new StringReader(read("/router/" + name + ".mustache")));
		return compiler.compile(read("/router/routes.conf.mustache"));
	}

	private static String read(String resource) {
		try (InputStream in = RouteTable.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No template " + resource + " on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
