package dev.slipway.addons;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.slipway.apps.App;
import dev.slipway.apps.AppDeleted;
import dev.slipway.apps.AppLocks;
import dev.slipway.apps.AppService;
import dev.slipway.config.ConfigService;
import dev.slipway.database.DatabaseUrl;
import dev.slipway.database.PostgresServers;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserAccounts;
import dev.slipway.progress.Progress;
import dev.slipway.runtime.AppNetworks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Postgres add-ons: each a database and a role with a random password on Slipway's add-on server,
 * reachable only by its own role, attached to the app as {@code DATABASE_URL} (the first) or
 * {@code <NAME>_DATABASE_URL}. Attaching and detaching set the config var, which makes a release.
 */
@Service
public class AddonService {

	/** Plans that mean the Postgres add-on, including Heroku's names in app.json. */
	static final Set<String> POSTGRES_PLANS = Set.of("postgresql", "postgres", "heroku-postgresql");

	static final String FIRST_ATTACHMENT = "DATABASE";

	private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,30}$");

	private static final Logger log = LoggerFactory.getLogger(AddonService.class);

	private final Addons addons;

	private final AddonServer server;

	private final ConfigService config;

	private final AppNetworks networks;

	private final AppService apps;

	private final AppLocks locks;

	private final AddonSettings settings;

	private final UserAccounts users;

	private final SecureRandom random = new SecureRandom();

	/** Held from counting the add-ons to recording a new one, so two provisionings cannot both take the last place. */
	private final Object places = new Object();

	AddonService(Addons addons, AddonServer server, ConfigService config, AppNetworks networks, AppService apps,
			AppLocks locks, AddonSettings settings, UserAccounts users) {
		this.addons = addons;
		this.server = server;
		this.config = config;
		this.networks = networks;
		this.apps = apps;
		this.locks = locks;
		this.settings = settings;
		this.users = users;
	}

	public List<Addon> of(App app) {
		return addons.findByAppIdOrderByCreatedAt(app.id());
	}

	/** Whether a plan (as app.json or the API names it) is the Postgres add-on: "heroku-postgresql:essential-0" is. */
	public static boolean isPostgres(String plan) {
		return plan != null && POSTGRES_PLANS.contains(plan.strip().toLowerCase(Locale.ROOT).replaceFirst(":.*$", ""));
	}

	/** {@link #provision(App, String, String, String, Progress)} asked for where nobody reads the progress. */
	public Addon provision(App app, String plan, String name, String author) {
		return provision(app, plan, name, author, Progress.DISCARD);
	}

	/** Creates a database and role and attaches them; {@code name} may be null for the default one. */
	public Addon provision(App app, String plan, String name, String author, Progress out) {
		return locks.with(app.id(), () -> {
			if (!isPostgres(plan)) {
				throw SlipwayException.invalid("unknown_plan",
						"There is no add-on plan '" + plan + "'. Slipway offers \"postgresql\".");
			}
			List<Addon> existing = of(app);
			String attachment = attachmentName(existing, name);
			String configVar = attachment.equals(FIRST_ATTACHMENT) ? "DATABASE_URL" : attachment + "_DATABASE_URL";
			if (config.get(app, configVar).isPresent() && existing.stream().noneMatch(a -> a.configVar().equals(configVar))) {
				throw SlipwayException.conflict("config_var_taken",
						app.name() + " sets " + configVar + " itself; remove it or give the add-on another name.");
			}
			String identifier = identifier();
			String password = PostgresServers.randomPassword();
			List<String> statements = new ArrayList<>(List.of("CREATE ROLE \"" + identifier + "\" LOGIN PASSWORD '" + password + "'",
					"CREATE DATABASE \"" + identifier + "\" OWNER \"" + identifier + "\""));
			statements.addAll(confinement(identifier, identifier));
			Addon addon;
			synchronized (places) {
				checkRoom(app);
				server.execute(statements.toArray(String[]::new));
				server.join(networks.ensure(app.name()));
				addon = addons.save(new Addon(app.id(), attachment, "postgresql", configVar, identifier, identifier, password));
			}
			out.step("Provisioned PostgreSQL as " + configVar);
			config.update(app, Map.of(configVar, url(addon).toUri()), author, "Attach " + attachment + " (postgresql)", out);
			return addon;
		});
	}

	/**
	 * Refuses a new add-on past either limit: the owner's apps hold as many as one user may (admins, the
	 * operators, are not counted), or the server's connections are all promised to the add-ons it has.
	 * Together they bound what one user can take of the server to {@code max-per-user × connection-limit}
	 * connections and keep every add-on's limit within the server's {@code max_connections}.
	 */
	private void checkRoom(App app) {
		if (!users.isAdmin(app.ownerId())) {
			List<Long> owned = apps.ownedBy(app.ownerId()).stream().map(App::id).toList();
			long held = addons.countByAppIdIn(owned);
			if (held >= settings.maxPerUser()) {
				throw SlipwayException.forbidden("addon_limit_reached", "The owner of " + app.name() + " has " + held
						+ " Postgres add-ons, as many as one user may (SLIPWAY_ADDONS_MAX_PER_USER, each holding up to "
						+ settings.connectionLimit() + " connections of the shared server): remove one that is no "
						+ "longer needed, or ask an admin to raise SLIPWAY_ADDONS_MAX_PER_USER.");
			}
		}
		long all = addons.count();
		if (all >= settings.capacity()) {
			throw SlipwayException.conflict("addon_server_full", "The add-on server is full: its " + all
					+ " add-ons may hold " + settings.connectionLimit() + " connections each (SLIPWAY_ADDONS_CONNECTION_LIMIT), "
					+ "which takes all of its " + settings.maxConnections() + " (SLIPWAY_ADDONS_MAX_CONNECTIONS, "
					+ AddonSettings.RESERVED_CONNECTIONS + " of them kept for Slipway). Remove an add-on, or ask an admin to "
					+ "raise SLIPWAY_ADDONS_MAX_CONNECTIONS.");
		}
	}

	/** Detaches the add-on (a release without its config var), then drops its database and role. */
	public void deprovision(App app, String name, String author) {
		locks.with(app.id(), () -> {
			Addon addon = require(app, name);
			Map<String, String> unset = new HashMap<>();
			unset.put(addon.configVar(), null);
			config.update(app, unset, author, "Detach " + addon.name() + " (postgresql)", Progress.DISCARD);
			drop(addon);
			addons.delete(addon);
			if (of(app).isEmpty()) {
				server.leave(networks.name(app.name()));
			}
			return null;
		});
	}

	public Addon require(App app, String name) {
		return addons.findByAppIdAndName(app.id(), name == null ? "" : name.strip().toUpperCase(Locale.ROOT))
			.orElseThrow(() -> SlipwayException.notFound("addon_not_found", app.name() + " has no add-on " + name + "."));
	}

	/** Where the app finds its database: the server by its name on the app's network. */
	public DatabaseUrl url(Addon addon) {
		return new DatabaseUrl(server.host(), 5432, addon.databaseName(), addon.roleName(), addon.password());
	}

	/**
	 * What confines a role to its own database: only it may connect to that database; it holds at
	 * most the connection limit, and its sessions start with the statement timeout. Idempotent.
	 */
	private List<String> confinement(String database, String role) {
		return List.of("REVOKE ALL ON DATABASE \"" + database + "\" FROM PUBLIC",
				"GRANT CONNECT, TEMPORARY ON DATABASE \"" + database + "\" TO \"" + role + "\"",
				"ALTER ROLE \"" + role + "\" NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT "
						+ settings.connectionLimit(),
				"ALTER ROLE \"" + role + "\" SET statement_timeout = " + settings.statementTimeout().toMillis());
	}

	/**
	 * After a restart of Slipway (or a recreated server): databases and roles no add-on owns (left by
	 * a deletion that crashed after its commit, or whose drop failed) are dropped, every add-on's role
	 * is confined as today's settings say, older ones included, and every app with a database can
	 * reach it again.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void settleAddonServer() {
		if (!server.exists()) {
			return;
		}
		List<String> databases = server.names("select datname from pg_database where datname not in ('postgres', 'template0', 'template1')");
		List<String> roles = server.names("select rolname from pg_roles where rolname <> 'postgres' and rolname not like 'pg\\_%'");
		List<Addon> all = addons.findAllByOrderByAppId();
		dropOrphans(databases, roles, all);
		if (all.size() > settings.capacity()) {
			log.warn("The add-on server has {} add-ons of {} connections each, more than its {} connections "
					+ "(SLIPWAY_ADDONS_MAX_CONNECTIONS) hold at once: raise it, or lower SLIPWAY_ADDONS_CONNECTION_LIMIT",
					all.size(), settings.connectionLimit(), settings.maxConnections());
		}
		List<String> statements = new ArrayList<>();
		all.forEach(addon -> statements.addAll(confinement(addon.databaseName(), addon.roleName())));
		if (!statements.isEmpty()) {
			server.execute(statements.toArray(String[]::new));
		}
		Set<Long> withAddons = all.stream().map(Addon::appId).collect(Collectors.toSet());
		apps.all()
			.stream()
			.filter(app -> withAddons.contains(app.id()))
			.forEach(app -> server.join(networks.ensure(app.name())));
	}

	private void dropOrphans(List<String> databases, List<String> roles, List<Addon> all) {
		Set<String> ownedDatabases = all.stream().map(Addon::databaseName).collect(Collectors.toSet());
		Set<String> ownedRoles = all.stream().map(Addon::roleName).collect(Collectors.toSet());
		List<String> statements = new ArrayList<>();
		databases.stream()
			.filter(database -> !ownedDatabases.contains(database))
			.forEach(database -> statements.add("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)"));
		roles.stream()
			.filter(role -> !ownedRoles.contains(role))
			.forEach(role -> statements.add("DROP ROLE IF EXISTS \"" + role + "\""));
		if (!statements.isEmpty()) {
			log.info("Dropping {} database(s) and role(s) of deleted add-ons on the add-on server", statements.size());
			server.execute(statements.toArray(String[]::new));
		}
	}

	/**
	 * Reads the deleted app's add-ons while the deleting transaction still sees them (their rows go
	 * with the app's), and drops their databases only once it has committed: a deletion that rolls
	 * back keeps its data.
	 */
	@EventListener
	void appDeleted(AppDeleted event) {
		List<Addon> deleted = addons.findByAppIdOrderByCreatedAt(event.appId());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				dropAll(event, deleted);
			}

		});
	}

	/**
	 * The deletion has committed: what fails here is logged, never undoes it. An app without add-ons
	 * leaves the server alone (it never joined the app's network).
	 */
	private void dropAll(AppDeleted event, List<Addon> deleted) {
		if (deleted.isEmpty()) {
			return;
		}
		for (Addon addon : deleted) {
			try {
				drop(addon);
			}
			catch (RuntimeException ex) {
				log.warn("Dropping the database {} of the deleted app {} failed: {}", addon.databaseName(), event.name(),
						ex.getMessage());
			}
		}
		try {
			server.leave(networks.name(event.name()));
		}
		catch (RuntimeException ex) {
			log.warn("The add-on server could not leave the network of the deleted app {}: {}", event.name(), ex.getMessage());
		}
	}

	private void drop(Addon addon) {
		server.execute("DROP DATABASE IF EXISTS \"" + addon.databaseName() + "\" WITH (FORCE)",
				"DROP ROLE IF EXISTS \"" + addon.roleName() + "\"");
	}

	private String attachmentName(List<Addon> existing, String requested) {
		if (requested != null && !requested.isBlank()) {
			String name = requested.strip().toUpperCase(Locale.ROOT).replace('-', '_');
			if (!NAME.matcher(name).matches()) {
				throw SlipwayException.invalid("invalid_addon_name",
						"'" + requested + "' is not an add-on name: letters, digits and underscores, starting with a letter.");
			}
			if (existing.stream().anyMatch(addon -> addon.name().equals(name))) {
				throw SlipwayException.conflict("addon_name_taken", "The app has an add-on named " + name + " already.");
			}
			return name;
		}
		if (existing.stream().noneMatch(addon -> addon.name().equals(FIRST_ATTACHMENT))) {
			return FIRST_ATTACHMENT;
		}
		for (int n = 2;; n++) {
			String candidate = "POSTGRESQL_" + n;
			if (existing.stream().noneMatch(addon -> addon.name().equals(candidate))) {
				return candidate;
			}
		}
	}

	/**
	 * Database and role names: random, so what every role can read in pg_database and pg_roles names
	 * no app; "addon_" first, because PostgreSQL reserves role names starting with "pg_".
	 */
	private String identifier() {
		byte[] name = new byte[8];
		random.nextBytes(name);
		return "addon_" + HexFormat.of().formatHex(name);
	}

}
