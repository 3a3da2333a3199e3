package dev.slipway.certificates;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import dev.slipway.apps.App;
import dev.slipway.apps.AppCreated;
import dev.slipway.apps.AppDeleted;
import dev.slipway.apps.AppService;
import dev.slipway.apps.SlipwayAddress;
import dev.slipway.logs.AppLogs;
import dev.slipway.router.DomainService;
import dev.slipway.router.DomainsChanged;
import dev.slipway.router.Router;
import dev.slipway.router.RouterSettings;
import dev.slipway.router.ServedCertificates;
import dev.slipway.router.TlsCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a certificate for every hostname the router serves: each app's own and custom ones, and
 * Slipway's. One thread does the work: it adds and removes hostnames as apps and domains change,
 * hands the router what it should serve, and asks the CA for what is due (new names at once,
 * renewals at two thirds of a certificate's life, failures again after a back-off), one at a time.
 */
@Service
public class CertificateService implements DisposableBean, SlipwayAddress, ServedCertificates {

	private static final Logger log = LoggerFactory.getLogger(CertificateService.class);

	/** How often the worker looks even when nothing woke it: an expiry, or DNS that started to resolve. */
	private static final Duration LOOK_AGAIN = Duration.ofMinutes(1);

	private static final Duration PRE_CHECK_MAX_WAIT = Duration.ofMinutes(10);

	private final Certificates certificates;

	private final AppService apps;

	private final DomainService domains;

	private final Router router;

	private final RouterSettings routerSettings;

	private final AcmeSettings settings;

	private final AcmeClient acme;

	private final ReachabilityCheck reachability;

	private final TransactionTemplate transactions;

	private final AppLogs logs;

	private final LinkedBlockingQueue<Boolean> wakeUps = new LinkedBlockingQueue<>();

	/**
	 * Held while certificate rows change and while the router is handed them, by the worker and by an
	 * owner's upload alike, so neither undoes the other; never held while the CA or DNS is asked.
	 */
	private final ReentrantLock changes = new ReentrantLock();

	private Thread worker;

	/** Slipway's HTTPS address while the router serves its certificate; null otherwise. */
	private volatile String controlPlaneHttps;

	CertificateService(Certificates certificates, AppService apps, DomainService domains, Router router,
			AcmeSettings settings, AcmeClient acme, ReachabilityCheck reachability, TransactionTemplate transactions,
			AppLogs logs) {
		this.logs = logs;
		this.certificates = certificates;
		this.apps = apps;
		this.domains = domains;
		this.router = router;
		this.routerSettings = router.settings();
		this.settings = settings;
		this.acme = acme;
		this.reachability = reachability;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void start() {
		if (worker == null && routerSettings.httpsEnabled()) {
			worker = Thread.ofPlatform().name("slipway-certificates").daemon().start(this::work);
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void appCreated(AppCreated event) {
		wake();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void appDeleted(AppDeleted event) {
		wake();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void domainsChanged(DomainsChanged event) {
		wake();
	}

	/** Each of the app's hostnames with where its certificate stands, in the order the domains section lists them. */
	public List<HostnameCertificate> of(App app) {
		Map<String, Certificate> byHostname = new HashMap<>();
		certificates.findByAppIdOrderByHostname(app.id()).forEach(row -> byHostname.put(row.hostname(), row));
		return domains.hostnames(app).stream().map(hostname -> view(hostname, byHostname.get(hostname))).toList();
	}

	/** Slipway's own hostname and its certificate. */
	public HostnameCertificate controlPlane() {
		String hostname = routerSettings.controlPlaneHostname();
		return view(hostname, certificates.findByHostname(hostname).filter(row -> row.appId() == null).orElse(null));
	}

	@Override
	public Optional<String> https() {
		return Optional.ofNullable(controlPlaneHttps);
	}

	/**
	 * The owner's own certificate (a wildcard, say) for every hostname of the app it covers, instead of
	 * the CA's; returns the hostnames it now serves.
	 */
	public List<String> upload(App app, String chainPem, String keyPem) {
		UploadedCertificate uploaded = UploadedCertificate.parse(chainPem, keyPem);
		List<String> hostnames = domains.hostnames(app);
		List<String> covered = hostnames.stream().filter(uploaded::covers).toList();
		if (covered.isEmpty()) {
			throw UploadedCertificate.invalid("certificate_not_for_app", "The certificate is for "
					+ String.join(", ", uploaded.names()) + ", none of " + app.name() + "'s hostnames ("
					+ String.join(", ", hostnames) + ").");
		}
		Instant now = Instant.now();
		TlsCertificate certificate = new TlsCertificate(uploaded.chainPem(), uploaded.keyPem());
		Map<String, TlsCertificate> replacing = new HashMap<>();
		covered.forEach(hostname -> replacing.put(hostname, certificate));
		changes.lock();
		try {
			// Served first, then recorded: a certificate the router refuses is refused here, and stored nowhere.
			try {
				install(replacing);
			}
			catch (IllegalStateException ex) {
				install();
				throw UploadedCertificate.invalid("certificate_refused", "The router cannot serve this certificate: "
						+ ex.getMessage());
			}
			transactions.executeWithoutResult(status -> {
				Map<String, Certificate> existing = new HashMap<>();
				certificates.findByAppIdOrderByHostname(app.id()).forEach(row -> existing.put(row.hostname(), row));
				for (String hostname : covered) {
					Certificate row = existing.get(hostname);
					if (row == null) {
						row = new Certificate(app.id(), hostname, now);
					}
					row.uploaded(uploaded.chainPem(), uploaded.keyPem(), uploaded.notBefore(), uploaded.notAfter(), now);
					certificates.save(row);
				}
			});
		}
		finally {
			changes.unlock();
		}
		return covered;
	}

	/** Removes the app's uploaded certificate: the CA is asked for its hostnames at once. */
	public void removeUpload(App app) {
		Instant now = Instant.now();
		changes.lock();
		try {
			transactions.executeWithoutResult(status -> certificates.findByAppIdOrderByHostname(app.id())
				.stream()
				.filter(row -> row.source() == CertificateSource.UPLOADED)
				.forEach(row -> row.backToAcme(now)));
			install();
		}
		finally {
			changes.unlock();
		}
		wake();
	}

	@Override
	public synchronized void destroy() {
		if (worker != null) {
			worker.interrupt();
		}
	}

	private void wake() {
		wakeUps.offer(Boolean.TRUE);
	}

	private void work() {
		while (!Thread.currentThread().isInterrupted()) {
			Duration sleep = LOOK_AGAIN;
			try {
				sleep = round();
			}
			catch (RuntimeException ex) {
				if (Thread.currentThread().isInterrupted()) {
					return;
				}
				log.error("Managing certificates failed; trying again in {}", LOOK_AGAIN, ex);
			}
			try {
				wakeUps.poll(Math.max(sleep.toMillis(), 10), TimeUnit.MILLISECONDS);
				wakeUps.clear();
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/** One pass: follows the hostnames, installs what is valid, asks for what is due; returns how long until more is due. */
	private Duration round() {
		List<Certificate> due;
		changes.lock();
		try {
			due = transactions.execute(status -> follow(Instant.now()));
			try {
				install();
			}
			catch (IllegalStateException ex) {
				// The router keeps what it served; the attempts below go on, each installed on its own.
				log.warn("The router did not take the certificates: {}", ex.getMessage());
			}
		}
		finally {
			changes.unlock();
		}
		for (Certificate certificate : due) {
			if (Thread.currentThread().isInterrupted()) {
				break;
			}
			attempt(certificate);
		}
		Instant next = certificates.findAll()
			.stream()
			.filter(row -> row.source() == CertificateSource.ACME)
			.map(Certificate::nextAttempt)
			.min(Instant::compareTo)
			.orElse(Instant.MAX);
		Duration until = Duration.between(Instant.now(), next);
		return until.isNegative() ? Duration.ZERO : until.compareTo(LOOK_AGAIN) > 0 ? LOOK_AGAIN : until;
	}

	/** Adds a row for each new hostname, removes those of hostnames gone, and returns the rows due now. */
	private List<Certificate> follow(Instant now) {
		Map<String, Long> wanted = wantedHostnames();
		Map<String, Certificate> rows = new HashMap<>();
		for (Certificate row : certificates.findAll()) {
			if (!wanted.containsKey(row.hostname()) || !Objects.equals(wanted.get(row.hostname()), row.appId())) {
				certificates.delete(row);
			}
			else {
				rows.put(row.hostname(), row);
			}
		}
		wanted.forEach((hostname, appId) -> {
			if (!rows.containsKey(hostname)) {
				rows.put(hostname, certificates.save(new Certificate(appId, hostname, now)));
			}
		});
		List<Certificate> due = new ArrayList<>();
		for (Certificate row : rows.values()) {
			String ineligible = ineligible(row.hostname());
			if (ineligible != null) {
				row.notRequested(ineligible, now);
			}
			else {
				row.retryNow(now);
			}
			if (row.due(now)) {
				due.add(row);
			}
		}
		due.sort((a, b) -> a.nextAttempt().compareTo(b.nextAttempt()));
		return due;
	}

	/** Every hostname the router serves and whose it is (0 for Slipway's own); Slipway's own first, as nginx takes it. */
	private Map<String, Long> wantedHostnames() {
		Map<String, Long> wanted = new LinkedHashMap<>();
		wanted.put(routerSettings.controlPlaneHostname(), null);
		Map<Long, List<String>> custom = domains.customHostnames();
		for (App app : apps.all()) {
			wanted.putIfAbsent(app.name() + "." + routerSettings.baseDomain(), app.id());
			custom.getOrDefault(app.id(), List.of()).forEach(hostname -> wanted.putIfAbsent(hostname, app.id()));
		}
		return wanted;
	}

	/** Why the CA is not asked for this hostname; null when it is. */
	private String ineligible(String hostname) {
		if (!settings.enabled()) {
			return "Automatic certificates are off (SLIPWAY_ACME_ENABLED=false): upload a certificate for HTTPS.";
		}
		if (hostname.startsWith("*.")) {
			return "A CA certifies a wildcard only through DNS, which Slipway does not manage: upload a certificate for "
					+ hostname + ".";
		}
		if (hostname.equals("localhost") || hostname.endsWith(".localhost") || !hostname.contains(".")
				|| isAddress(hostname)) {
			return hostname + " is not a public name, so no public CA certifies it: set SLIPWAY_BASE_DOMAIN to a domain"
					+ " whose DNS points here, or upload a certificate.";
		}
		return null;
	}

	private static boolean isAddress(String hostname) {
		return hostname.matches("[0-9.]+") || hostname.contains(":");
	}

	/** Asks the CA for one hostname's certificate, after the pre-check; keeps what came of it. */
	private void attempt(Certificate row) {
		String hostname = row.hostname();
		Instant started = Instant.now();
		String unreachable = reachability.problem(hostname).orElse(null);
		if (unreachable != null) {
			log.info("Not asking for a certificate for {} yet: {}", hostname, unreachable);
			tell(row, "No certificate for " + hostname + " yet: " + unreachable);
			save(row.hostname(), current -> current.waiting(unreachable, preCheckBackOff(current.attempts() + 1), Instant.now()));
			return;
		}
		IssuedCertificate issued;
		try {
			issued = acme.issue(hostname);
		}
		catch (IssuanceRefused ex) {
			log.warn("No certificate for {}: {}", hostname, ex.getMessage());
			tell(row, "No certificate for " + hostname + ": " + ex.getMessage());
			save(hostname, current -> current.failed(ex.getMessage(), ex.retryAt() != null ? ex.retryAt()
					: Instant.now().plus(settings.backOff(current.attempts() + 1)), Instant.now()));
			return;
		}
		changes.lock();
		try {
			if (certificates.findByHostname(hostname).filter(current -> current.source() == CertificateSource.ACME).isEmpty()) {
				// Its hostname went, or its owner uploaded a certificate meanwhile.
				return;
			}
			// Served first, then recorded: a certificate shown as issued is one the router serves.
			Map<String, TlsCertificate> installing = Map.of(hostname, new TlsCertificate(issued.chainPem(), issued.keyPem()));
			try {
				install(installing);
			}
			catch (IllegalStateException ex) {
				// Once more: the reload may have failed for another change it carried, withdrawn since.
				install(installing);
			}
			save(hostname, current -> current.issued(issued.chainPem(), issued.keyPem(), issued.notBefore(),
					issued.notAfter(), Instant.now()));
		}
		catch (IllegalStateException ex) {
			log.error("The router refused the certificate the CA issued for {}", hostname, ex);
			tell(row, "The router refused the certificate the CA issued for " + hostname + ": " + ex.getMessage());
			save(hostname, current -> current.failed("The router refused the certificate: " + ex.getMessage(),
					Instant.now().plus(settings.backOff(current.attempts() + 1)), Instant.now()));
			return;
		}
		finally {
			changes.unlock();
		}
		log.info("The CA issued a certificate for {} in {} ms, valid until {}", hostname,
				Duration.between(started, Instant.now()).toMillis(), issued.notAfter());
		tell(row, "HTTPS for " + hostname + " with a certificate from the CA, valid until " + issued.notAfter());
	}

	/** A failed pre-check asks nothing of the CA, so it is looked at again within minutes, not hours, once DNS is fixed. */
	private Duration preCheckBackOff(int attempts) {
		Duration wait = settings.backOff(attempts);
		return wait.compareTo(PRE_CHECK_MAX_WAIT) > 0 ? PRE_CHECK_MAX_WAIT : wait;
	}

	/** A line in the app's log ({@code slipway[acme]}), for the app's own hostnames. */
	private void tell(Certificate row, String text) {
		if (row.appId() != null) {
			logs.platform(row.appId(), "acme", text);
		}
	}

	/**
	 * Records what came of an attempt in the hostname's row as it is now, unless the row went meanwhile
	 * (its domain or app did) or its owner uploaded a certificate for it.
	 */
	private void save(String hostname, Consumer<Certificate> change) {
		changes.lock();
		try {
			transactions.executeWithoutResult(status -> certificates.findByHostname(hostname)
				.filter(current -> current.source() == CertificateSource.ACME)
				.ifPresent(change));
		}
		finally {
			changes.unlock();
		}
	}

	@Override
	public Map<String, TlsCertificate> valid() {
		Instant now = Instant.now();
		Map<String, TlsCertificate> served = new HashMap<>();
		for (Certificate row : certificates.findAll()) {
			TlsCertificate certificate = row.served(now);
			if (certificate != null) {
				served.put(row.hostname(), certificate);
			}
		}
		return served;
	}

	/** Hands the router every certificate valid now; returns once it serves them. */
	private void install() {
		install(Map.of());
	}

	/** Hands the router every certificate valid now, and {@code issued} in place of what the rows hold. */
	private void install(Map<String, TlsCertificate> issued) {
		Map<String, TlsCertificate> served = valid();
		served.putAll(issued);
		router.certificates(served).awaitServed();
		String own = routerSettings.controlPlaneHostname();
		controlPlaneHttps = served.containsKey(own) ? routerSettings.httpsUrl(own) : null;
	}

	private HostnameCertificate view(String hostname, Certificate row) {
		String httpsUrl = routerSettings.httpsUrl(hostname);
		if (row == null) {
			String ineligible = ineligible(hostname);
			return new HostnameCertificate(hostname, httpsUrl, CertificateStatus.PENDING, CertificateSource.ACME, null, ineligible, null);
		}
		return new HostnameCertificate(hostname, httpsUrl, row.status(), row.source(), row.notAfter(), row.problem(),
				row.status() == CertificateStatus.ISSUED || row.problem() != null ? row.nextAttemptAt() : null);
	}

}
