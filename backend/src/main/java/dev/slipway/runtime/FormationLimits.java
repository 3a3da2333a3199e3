package dev.slipway.runtime;

import dev.slipway.errors.SlipwayException;

/**
 * What a formation update may ask for, wherever it comes from (the API, the dashboard, app.json): a
 * valid process type name, 0 to {@link #MAX_QUANTITY} dynos, a known size.
 */
public final class FormationLimits {

	public static final int MAX_QUANTITY = 100;

	private FormationLimits() {
	}

	/** Refuses the update with a problem naming the rule it breaks. */
	public static void check(FormationUpdate update) {
		if (update.type() == null || update.type().isBlank()) {
			throw SlipwayException.invalid("invalid_formation", "Each update names a process type (\"type\": \"web\").");
		}
		ProcessType.problem(update.type()).ifPresent(problem -> {
			throw SlipwayException.invalid("invalid_process_type", problem);
		});
		if (update.quantity() != null && (update.quantity() < 0 || update.quantity() > MAX_QUANTITY)) {
			throw SlipwayException.invalid("invalid_quantity",
					"Quantities go from 0 to " + MAX_QUANTITY + "; " + update.quantity() + " is out of range.");
		}
		if (update.size() != null && DynoSize.of(update.size()).isEmpty()) {
			throw SlipwayException.invalid("invalid_size",
					"'" + update.size() + "' is not a dyno size. Sizes: " + DynoSize.labels() + ".");
		}
	}

}
