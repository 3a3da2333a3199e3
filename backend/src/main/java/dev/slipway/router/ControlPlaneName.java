package dev.slipway.router;

import java.util.Optional;

import dev.slipway.apps.ReservedAppNames;

import org.springframework.stereotype.Component;

/** An app named like Slipway's own hostname under the base domain would answer at Slipway's address. */
@Component
class ControlPlaneName implements ReservedAppNames {

	private final RouterSettings settings;

	ControlPlaneName(RouterSettings settings) {
		this.settings = settings;
	}

	@Override
	public Optional<String> reason(String name) {
		String own = settings.controlPlaneHostname();
		return own.equals(name + "." + settings.baseDomain())
				? Optional.of(own + " is Slipway's own dashboard, API and git.") : Optional.empty();
	}

}
