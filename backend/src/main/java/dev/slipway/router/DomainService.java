package dev.slipway.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.slipway.apps.App;
import dev.slipway.errors.SlipwayException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An app's custom domains, checked and unique across apps; each change goes to the router. */
@Service
public class DomainService {

	private static final Pattern HOSTNAME = Pattern
		.compile("^(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");

	private final Domains domains;

	private final HttpsSettings httpsSettings;

	private final Router router;

	private final RouterSettings settings;

	private final ApplicationEventPublisher events;

	DomainService(Domains domains, HttpsSettings httpsSettings, Router router, RouterSettings settings,
			ApplicationEventPublisher events) {
		this.domains = domains;
		this.events = events;
		this.httpsSettings = httpsSettings;
		this.router = router;
		this.settings = settings;
	}

	/** Every hostname the app answers at: its own under the base domain, then its custom domains. */
	@Transactional(readOnly = true)
	public List<String> hostnames(App app) {
		List<String> hostnames = new ArrayList<>();
		hostnames.add(app.name() + "." + settings.baseDomain());
		of(app).forEach(domain -> hostnames.add(domain.hostname()));
		return hostnames;
	}

	/** The custom domains of every app, by app id. */
	@Transactional(readOnly = true)
	public Map<Long, List<String>> customHostnames() {
		Map<Long, List<String>> byApp = new HashMap<>();
		domains.findAll().forEach(domain -> byApp.computeIfAbsent(domain.appId(), id -> new ArrayList<>()).add(domain.hostname()));
		return byApp;
	}

	@Transactional(readOnly = true)
	public HttpsPolicy httpsPolicy(App app) {
		return httpsSettings.findById(app.id()).map(HttpsSetting::policy).orElse(HttpsPolicy.DEFAULT);
	}

	/** Changes whether the app's plain-HTTP requests go to HTTPS and whether it sends HSTS; returns once nginx serves it. */
	@Transactional
	public void changeHttpsPolicy(App app, HttpsPolicy policy) {
		httpsSettings.findById(app.id()).ifPresentOrElse(setting -> setting.change(policy),
				() -> httpsSettings.save(new HttpsSetting(app.id(), policy)));
		router.httpsPolicyChanged(app.name(), policy).awaitServed();
	}

	@Transactional(readOnly = true)
	public List<Domain> of(App app) {
		return domains.findByAppIdOrderByHostname(app.id());
	}

	@Transactional
	public Domain add(App app, String hostname) {
		String normalized = hostname == null ? "" : hostname.strip().toLowerCase(Locale.ROOT);
		if (normalized.endsWith(".")) {
			normalized = normalized.substring(0, normalized.length() - 1);
		}
		if (normalized.length() > 253 || !HOSTNAME.matcher(normalized).matches()) {
			throw SlipwayException.invalid("invalid_domain", "'" + hostname + "' is not a hostname such as www.example.com"
					+ " (a leading *. makes a wildcard).");
		}
		if (normalized.equals(settings.baseDomain()) || normalized.endsWith("." + settings.baseDomain())) {
			throw SlipwayException.invalid("reserved_domain", normalized + " is under Slipway's base domain "
					+ settings.baseDomain() + ", where each app has its own name already.");
		}
		if (normalized.startsWith("*.") && (covers(normalized, settings.baseDomain())
				|| covers(normalized, settings.controlPlaneHostname()))) {
			throw SlipwayException.invalid("reserved_domain", normalized + " would take names of Slipway's ("
					+ settings.baseDomain() + ", " + settings.controlPlaneHostname() + "): choose a narrower wildcard.");
		}
		if (normalized.equals(settings.controlPlaneHostname())) {
			throw SlipwayException.invalid("reserved_domain", normalized + " is Slipway's own hostname.");
		}
		if (domains.existsByHostname(normalized)) {
			throw SlipwayException.conflict("domain_taken", normalized + " belongs to an app already.");
		}
		if (domains.countByAppId(app.id()) >= settings.maxDomainsPerApp()) {
			throw SlipwayException.forbidden("domain_limit_reached", app.name() + " has " + settings.maxDomainsPerApp()
					+ " custom domains, as many as one app may: remove one, or ask an admin to raise "
					+ "SLIPWAY_MAX_DOMAINS_PER_APP.");
		}
		Domain domain;
		try {
			domain = domains.saveAndFlush(new Domain(app.id(), normalized));
		}
		catch (DataIntegrityViolationException ex) {
			throw SlipwayException.conflict("domain_taken", normalized + " belongs to an app already.");
		}
		domainsChanged(app);
		return domain;
	}

	@Transactional
	public void remove(App app, String hostname) {
		Domain domain = domains.findByHostname(hostname == null ? "" : hostname.strip().toLowerCase(Locale.ROOT))
			.filter(found -> found.appId() == app.id())
			.orElseThrow(() -> SlipwayException.notFound("domain_not_found",
					app.name() + " has no domain " + hostname + "."));
		domains.delete(domain);
		domainsChanged(app);
	}

	/** Whether a wildcard, which nginx matches at any depth, matches {@code hostname} or names under it. */
	private static boolean covers(String wildcard, String hostname) {
		return hostname.endsWith(wildcard.substring(1));
	}

	/** Hands the router the app's domains as this transaction sees them; returns once nginx serves them. */
	private void domainsChanged(App app) {
		events.publishEvent(new DomainsChanged(app.id(), app.name()));
		router.domainsChanged(app.name(), domains.findByAppIdOrderByHostname(app.id()).stream().map(Domain::hostname).toList())
			.awaitServed();
	}

}
