package dev.slipway.runtime;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The formation a release runs with: what the app had, plus its new process types — web with one
 * dyno on a first deploy, others with none, unless app.json said otherwise.
 */
@Component
class FormationPlanner {

	private final Formations formations;

	private final RuntimeSettings settings;

	FormationPlanner(Formations formations, RuntimeSettings settings) {
		this.formations = formations;
		this.settings = settings;
	}

	@Transactional
	List<Formation> formationFor(DeploySpec spec) {
		boolean first = formations.findByAppIdOrderByProcessType(spec.appId()).isEmpty();
		DynoSize size = DynoSize.of(settings.defaultSize()).orElse(DynoSize.STANDARD_1X);
		for (Map.Entry<String, String> type : spec.processTypes().entrySet()) {
			if (type.getKey().equals(ProcessType.RELEASE)) {
				continue;
			}
			if (formations.findByAppIdAndProcessType(spec.appId(), type.getKey()).isEmpty()) {
				int quantity = spec.initialFormation().getOrDefault(type.getKey(),
						first && type.getKey().equals(ProcessType.WEB) ? 1 : 0);
				formations.save(new Formation(spec.appId(), type.getKey(), quantity, size));
			}
		}
		return formations.findByAppIdOrderByProcessType(spec.appId());
	}

}
