package dev.slipway.builds;

import java.util.Optional;
import java.util.stream.Collectors;

import dev.slipway.apps.App;
import dev.slipway.errors.SlipwayException;
import dev.slipway.progress.Progress;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which buildpack builds an app: the BUILDPACK config var, else the app's setting, else the first
 * whose detection rule matches.
 */
@Service
public class BuildpackSelection {

	private final AppBuildpacks settings;

	private final BuildpackCatalog catalog;

	BuildpackSelection(AppBuildpacks settings, BuildpackCatalog catalog) {
		this.settings = settings;
		this.catalog = catalog;
	}

	/** The buildpack the app's setting forces, if any. */
	@Transactional(readOnly = true)
	public Optional<Buildpack> forced(App app) {
		return settings.findById(app.id()).flatMap(setting -> catalog.find(setting.buildpack()));
	}

	@Transactional
	public Buildpack force(App app, String idOrAlias) {
		Buildpack buildpack = catalog.find(idOrAlias)
			.orElseThrow(() -> SlipwayException.invalid("unknown_buildpack",
					"There is no buildpack '" + idOrAlias + "'. Available: " + ids() + "."));
		settings.findById(app.id())
			.ifPresentOrElse(setting -> setting.change(buildpack.id()),
					() -> settings.save(new AppBuildpack(app.id(), buildpack.id())));
		return buildpack;
	}

	@Transactional
	public void detectAutomatically(App app) {
		settings.deleteById(app.id());
	}

	Buildpack choose(App app, SourceTree source, String requested, Progress log) {
		if (requested != null && !requested.isBlank()) {
			Buildpack buildpack = catalog.find(requested)
				.orElseThrow(() -> new BuildFailed("The BUILDPACK config var names '" + requested
						+ "', which is not a buildpack. Available: " + ids() + "."));
			log.step("Using buildpack " + buildpack.id() + " (BUILDPACK config var)");
			return buildpack;
		}
		Optional<Buildpack> forced = settings.findById(app.id()).map(setting -> catalog.find(setting.buildpack())
			.orElseThrow(() -> new BuildFailed("The buildpack '" + setting.buildpack()
					+ "' set for this app no longer exists. Available: " + ids() + ".")));
		if (forced.isPresent()) {
			log.step("Using buildpack " + forced.get().id() + " (set for this app)");
			return forced.get();
		}
		Buildpack buildpack = catalog.detect(source)
			.orElseThrow(() -> new BuildFailed("No buildpack recognises this app. Slipway looked for: "
					+ String.join(", ", catalog.detectedFiles())
					+ ".\nAdd one of them, or set a buildpack for the app (" + ids() + ")."));
		log.step(buildpack.name() + " app detected (buildpack " + buildpack.id() + ")");
		return buildpack;
	}

	private String ids() {
		return catalog.all().stream().map(Buildpack::id).collect(Collectors.joining(", "));
	}

}
