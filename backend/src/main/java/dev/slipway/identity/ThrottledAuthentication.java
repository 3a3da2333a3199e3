package dev.slipway.identity;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the {@link AuthenticationThrottle} in front of a chain's authentication, so only failures add up.
 * An email and password takes its token before the bcrypt hash is computed (guesses sent at once cannot
 * cost more hashes than the allowance) and gives it back when it was right; it counts against the account
 * too. An API token costs one SHA-256, so it is checked first and counted only when wrong, and only
 * against the address, since the user name that comes with it (git's) says nothing: a client may send
 * any number of requests with a valid token at once.
 */
class ThrottledAuthentication implements AuthenticationManager {

	private final AuthenticationManager delegate;

	private final AuthenticationThrottle throttle;

	ThrottledAuthentication(AuthenticationManager delegate, AuthenticationThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
		boolean token = authentication.getCredentials() instanceof String credentials
				&& credentials.startsWith(ApiTokenService.PREFIX);
		if (token) {
			throttle.refuseIfBlocked(address);
			try {
				return delegate.authenticate(authentication);
			}
			catch (AuthenticationException ex) {
				throttle.failedFrom(address);
				throw ex;
			}
		}
		AuthenticationThrottle.Attempt attempt = throttle.begin(address, authentication.getName());
		Authentication result = delegate.authenticate(authentication);
		attempt.succeeded();
		return result;
	}

}
