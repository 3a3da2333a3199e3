package dev.slipway.apps;

import java.util.List;
import java.util.Optional;

import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating, finding and deleting apps, with who may see and change each. */
@Service
public class AppService {

	private final Apps apps;

	private final ApplicationEventPublisher events;

	private final AppLocks locks;

	private final TransactionTemplate transactions;

	private final AppSettings settings;

	private final List<ReservedAppNames> reserved;

	AppService(Apps apps, ApplicationEventPublisher events, AppLocks locks, TransactionTemplate transactions,
			AppSettings settings, List<ReservedAppNames> reserved) {
		this.apps = apps;
		this.reserved = reserved;
		this.settings = settings;
		this.events = events;
		this.locks = locks;
		this.transactions = transactions;
	}

	@Transactional
	public App create(String name, UserPrincipal owner) {
		AppName.check(name);
		for (ReservedAppNames names : reserved) {
			names.reason(name).ifPresent(reason -> {
				throw SlipwayException.conflict("app_name_reserved", "The name '" + name + "' is reserved: " + reason
						+ " Choose another.");
			});
		}
		if (apps.existsByName(name)) {
			throw taken(name);
		}
		if (!owner.admin() && apps.countByOwnerId(owner.id()) >= settings.maxPerUser()) {
			throw SlipwayException.forbidden("app_limit_reached", "You own " + settings.maxPerUser()
					+ " apps, as many as one user may: delete one you no longer need, or ask an admin to raise "
					+ "SLIPWAY_MAX_APPS_PER_USER.");
		}
		try {
			App app = apps.saveAndFlush(new App(name, owner.id()));
			events.publishEvent(new AppCreated(app.id(), app.name()));
			return app;
		}
		catch (DataIntegrityViolationException ex) {
			throw taken(name);
		}
	}

	/** The apps a user may see: all for an admin, their own otherwise. */
	@Transactional(readOnly = true)
	public List<App> visibleTo(UserPrincipal user) {
		return user.admin() ? apps.findAllByOrderByNameAsc() : apps.findByOwnerIdOrderByNameAsc(user.id());
	}

	/** The apps a user owns, for limits per user. */
	@Transactional(readOnly = true)
	public List<App> ownedBy(long ownerId) {
		return apps.findByOwnerIdOrderByNameAsc(ownerId);
	}

	/** Every app, for the platform's own work (routing, reconciliation); users see {@link #visibleTo}. */
	@Transactional(readOnly = true)
	public List<App> all() {
		return apps.findAllByOrderByNameAsc();
	}

	/** An app by id, for the platform's own work. */
	@Transactional(readOnly = true)
	public Optional<App> byId(long id) {
		return apps.findById(id);
	}

	/**
	 * The named app if the user may manage it. Every request about an app passes here, so an app the
	 * user may not see answers exactly as one that does not exist: its name cannot be probed.
	 */
	@Transactional(readOnly = true)
	public App require(String name, UserPrincipal user) {
		return apps.findByName(name)
			.filter(app -> user.mayManage(app.ownerId()))
			.orElseThrow(() -> SlipwayException.notFound("app_not_found", "There is no app named '" + name + "'."));
	}

	/** Lets the app's dynos run as root when its image asks for it, or stops letting them (from the next deploy or restart). */
	@Transactional
	public App allowRootDynos(String name, UserPrincipal user, boolean allowed) {
		App app = require(name, user);
		app.allowRootDynos(allowed);
		return apps.save(app);
	}

	/**
	 * Deletes the app once the push and the change to it under way, if any, have finished. The
	 * transaction runs inside the app's locks, so no connection is held while waiting; the app is looked
	 * up again once they are held, in case that change was its deletion. What queued behind it is
	 * refused once it gets the locks.
	 */
	public void delete(String name, UserPrincipal user) {
		long id = require(name, user).id();
		locks.exclusive(id, () -> {
			transactions.execute(status -> {
				App app = require(name, user);
				apps.delete(app);
				events.publishEvent(new AppDeleted(app.id(), app.name()));
				return null;
			});
			locks.deleted(id);
			return null;
		});
	}

	private static SlipwayException taken(String name) {
		return SlipwayException.conflict("app_name_taken", "The name '" + name + "' is taken; choose another.");
	}

}
