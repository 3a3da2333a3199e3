package dev.slipway.certificates.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;
import dev.slipway.certificates.CertificateService;
import dev.slipway.certificates.CertificateSource;
import dev.slipway.certificates.HostnameCertificate;
import dev.slipway.router.Domain;
import dev.slipway.router.DomainService;
import dev.slipway.router.HttpsPolicy;
import dev.slipway.router.Router;

import org.springframework.stereotype.Component;

/** The settings tab's domains: the app's own hostname and the custom ones, each with its certificate, and HTTPS. */
@Component
class DomainsSection implements AppPageSection<DomainsSection.View> {

	private final DomainService domains;

	private final CertificateService certificates;

	private final Router router;

	DomainsSection(DomainService domains, CertificateService certificates, Router router) {
		this.domains = domains;
		this.certificates = certificates;
		this.router = router;
	}

	@Override
	public Slot slot() {
		return new Slot(AppTab.SETTINGS, 200, new AppPageFragment("certificates/sections", "domains"));
	}

	@Override
	public View model(App app, Flashed flashed) {
		Set<String> custom = domains.of(app).stream().map(Domain::hostname).collect(Collectors.toSet());
		return new View(certificates.of(app), custom, domains.httpsPolicy(app), router.url(app.name()));
	}

	public record View(List<HostnameCertificate> hostnames, Set<String> customHostnames, HttpsPolicy policy,
			String webUrl) {

		public boolean custom(String hostname) {
			return customHostnames.contains(hostname);
		}

		public boolean uploaded() {
			return hostnames.stream().anyMatch(host -> host.source() == CertificateSource.UPLOADED);
		}

	}

}
