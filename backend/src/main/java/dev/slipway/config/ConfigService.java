package dev.slipway.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.slipway.apps.App;
import dev.slipway.apps.AppLocks;
import dev.slipway.apps.AppService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.logs.AppLogs;
import dev.slipway.progress.Progress;
import dev.slipway.releases.Release;
import dev.slipway.releases.ReleaseRolledBack;
import dev.slipway.releases.ReleaseService;
import dev.slipway.releases.ReleasesRecovered;
import dev.slipway.releases.ReleaseStatus;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An app's config vars, the only way config enters an app: set and unset Heroku style (null
 * unsets), checked as a whole before anything changes, kept encrypted, audited by key. Every change
 * makes a release that rolls the dynos without downtime.
 */
@Service
public class ConfigService {

	/** Who the audit names for a change Slipway makes itself at start. */
	static final String RECOVERY_AUTHOR = "Slipway (restart)";

	private final ConfigVars vars;

	private final ConfigChanges changes;

	private final ReleaseService releases;

	private final TransactionTemplate transactions;

	private final AppService apps;

	private final AppLogs appLogs;

	private final AppLocks locks;

	ConfigService(ConfigVars vars, ConfigChanges changes, ReleaseService releases, TransactionTemplate transactions,
			AppService apps, AppLogs appLogs, AppLocks locks) {
		this.vars = vars;
		this.changes = changes;
		this.releases = releases;
		this.transactions = transactions;
		this.apps = apps;
		this.appLogs = appLogs;
		this.locks = locks;
	}

	/** The app's config vars, sorted by key. */
	public Map<String, String> of(App app) {
		Map<String, String> config = new TreeMap<>();
		vars.findByAppId(app.id()).forEach(var -> config.put(var.key(), var.value()));
		return config;
	}

	public Optional<String> get(App app, String key) {
		return Optional.ofNullable(of(app).get(key));
	}

	/**
	 * Sets (non-null values) and unsets (null values) config vars and releases the result, as asked for
	 * from the dashboard or the API, where nobody reads the progress.
	 */
	public ConfigUpdate update(App app, Map<String, String> requested, String author) {
		return update(app, requested, author, null, Progress.DISCARD);
	}

	/** Refuses, with the specific reason, a change that {@link #update} would refuse; changes nothing. */
	public void check(App app, Map<String, String> requested) {
		checkEntries(requested);
		Map<String, String> after = new TreeMap<>(of(app));
		requested.forEach((key, value) -> {
			if (value == null) {
				after.remove(key);
			}
			else {
				after.put(key, value);
			}
		});
		ConfigRules.checkSize(after);
	}

	/** Like {@link #update}, with the release described as given (for add-ons and app.json). */
	public ConfigUpdate update(App app, Map<String, String> requested, String author, String description,
			Progress log) {
		checkEntries(requested);
		return locks.with(app.id(), () -> {
			Map<String, String> before = of(app);
			Map<String, String> after = new TreeMap<>(before);
			List<String> set = new ArrayList<>();
			List<String> unset = new ArrayList<>();
			requested.forEach((key, value) -> {
				if (value == null) {
					if (after.remove(key) != null) {
						unset.add(key);
					}
				}
				else if (!value.equals(after.put(key, value))) {
					set.add(key);
				}
			});
			if (set.isEmpty() && unset.isEmpty()) {
				return new ConfigUpdate(before, List.of(), List.of(), null);
			}
			ConfigRules.checkSize(after);
			transactions.executeWithoutResult(status -> store(app, after, set, unset, author));
			Release release = releases.reconfigure(app, after,
					description != null ? description : describe(set, unset), author, log);
			if (release != null && release.status() == ReleaseStatus.FAILED) {
				// The running release keeps the old config, so the stored config goes back to it too.
				transactions.executeWithoutResult(status -> store(app, before, unset, set, author));
				throw SlipwayException.conflict("release_failed",
						"The new config was not applied: " + release.failure() + " The config is as it was.");
			}
			if (release == null) {
				appLogs.platform(app.id(), "api", (description != null ? description : describe(set, unset)) + " by " + author);
			}
			return new ConfigUpdate(after, List.copyOf(set), List.copyOf(unset), release);
		});
	}

	/** After a rollback the config is the rolled-back release's, as on Heroku; no new release is needed. */
	@EventListener
	void rolledBack(ReleaseRolledBack event) {
		App app = apps.byId(event.appId()).orElseThrow();
		Map<String, String> restored = releases.require(app, event.to()).config();
		locks.with(app.id(), () -> restore(app, restored, event.author()));
	}

	/**
	 * At start: a change a crash interrupted stored its config before its release rolled out; the
	 * release that runs keeps the config it was made with, so the stored config goes back to it, as
	 * after a failed change. Otherwise the two are always the same once an app has a release.
	 */
	@EventListener
	void releasesRecovered(ReleasesRecovered event) {
		for (App app : apps.all()) {
			releases.current(app).ifPresent(current -> {
				if (restore(app, current.config(), RECOVERY_AUTHOR)) {
					appLogs.platform(app.id(), "api", "Config vars restored to those of v" + current.version()
							+ ": the change to them was interrupted by a restart of Slipway");
				}
			});
		}
	}

	/** Makes the stored config exactly {@code wanted}, audited as a change by {@code author}; false if it was already. */
	private boolean restore(App app, Map<String, String> wanted, String author) {
		Map<String, String> restored = new TreeMap<>(wanted);
		Map<String, String> before = of(app);
		List<String> set = restored.entrySet()
			.stream()
			.filter(entry -> !entry.getValue().equals(before.get(entry.getKey())))
			.map(Map.Entry::getKey)
			.toList();
		List<String> unset = before.keySet().stream().filter(key -> !restored.containsKey(key)).toList();
		if (set.isEmpty() && unset.isEmpty()) {
			return false;
		}
		transactions.executeWithoutResult(status -> store(app, restored, set, unset, author));
		return true;
	}

	/** The change that makes the config exactly {@code wanted}: every key it lacks unset. */
	public Map<String, String> replacement(App app, Map<String, String> wanted) {
		Map<String, String> requested = new LinkedHashMap<>(wanted);
		for (String key : of(app).keySet()) {
			requested.putIfAbsent(key, null);
		}
		return requested;
	}

	public List<ConfigChange> history(App app, int limit) {
		return changes.findByAppIdOrderByIdDesc(app.id(), Limit.of(limit));
	}

	private static void checkEntries(Map<String, String> requested) {
		requested.forEach((key, value) -> {
			ConfigRules.checkKey(key);
			if (value != null) {
				ConfigRules.checkValue(key, value);
			}
		});
	}

	private void store(App app, Map<String, String> after, List<String> set, List<String> unset, String author) {
		Map<String, ConfigVar> existing = new HashMap<>();
		vars.findByAppId(app.id()).forEach(var -> existing.put(var.key(), var));
		for (String key : unset) {
			vars.delete(existing.get(key));
		}
		for (String key : set) {
			ConfigVar var = existing.get(key);
			if (var == null) {
				vars.save(new ConfigVar(app.id(), key, after.get(key)));
			}
			else {
				var.change(after.get(key));
				vars.save(var);
			}
		}
		changes.save(new ConfigChange(app.id(), author, set, unset));
	}

	/** Heroku's wording: "Set FOO, BAR config vars", "Remove BAZ config vars". */
	static String describe(List<String> set, List<String> unset) {
		if (unset.isEmpty()) {
			return "Set " + String.join(", ", set) + " config vars";
		}
		if (set.isEmpty()) {
			return "Remove " + String.join(", ", unset) + " config vars";
		}
		return "Set " + String.join(", ", set) + " and remove " + String.join(", ", unset) + " config vars";
	}

}
