package dev.slipway.identity;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins from one address or for one account: refused before any password is checked. */
public class TooManyAttemptsException extends AuthenticationException {

	/** Where a refused login form is forwarded, with the exception in the request attribute {@link #ATTRIBUTE}. */
	public static final String LOGIN_PAGE = "/login/throttled";

	public static final String ATTRIBUTE = TooManyAttemptsException.class.getName();

	private final Duration retryAfter;

	TooManyAttemptsException(String who, Duration retryAfter) {
		super("Too many failed sign-in attempts " + who + ". Try again in " + seconds(retryAfter) + " seconds.");
		this.retryAfter = retryAfter;
	}

	/** What the Retry-After header says: whole seconds, at least one. */
	public long retryAfterSeconds() {
		return seconds(retryAfter);
	}

	private static long seconds(Duration duration) {
		return Math.max(1, duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0));
	}

}
