package dev.slipway.runtime;

import java.util.List;

import dev.slipway.apps.App;
import dev.slipway.runtime.DynoStates.TrackedDyno;

import org.springframework.stereotype.Service;

/** The dynos of an app as its page and the API show them. */
@Service
class DynoService {

	private final DynoStates states;

	DynoService(DynoStates states) {
		this.states = states;
	}

	public List<Dyno> of(App app) {
		return states.of(app.name()).stream().map(TrackedDyno::view).toList();
	}

}
