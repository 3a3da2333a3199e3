package dev.slipway.instance;

/**
 * Something Slipway needs at start is missing. Reported as one message that says what is
 * wrong and what to do, instead of a stack trace.
 */
public class StartupFailure extends RuntimeException {

	private final String action;

	public StartupFailure(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	public StartupFailure(String description, String action) {
		this(description, action, null);
	}

	public String action() {
		return action;
	}

}
