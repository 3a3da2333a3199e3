package dev.slipway.identity;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the {@link AuthenticationThrottle} in front of a chain's authentication: every attempt takes its
 * token before any hash is computed and gives it back when it succeeds, so only failures add up. An email
 * and password counts against the account too; an API token only against the address, since the user name
 * that comes with it (git's) says nothing.
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
		AuthenticationThrottle.Attempt attempt = throttle.begin(address, token ? null : authentication.getName());
		Authentication result = delegate.authenticate(authentication);
		attempt.succeeded();
		return result;
	}

}
