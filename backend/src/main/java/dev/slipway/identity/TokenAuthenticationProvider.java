package dev.slipway.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Accepts an API token as the credentials, whatever the user name: a Bearer token arrives with an
 * empty one, git's HTTP Basic with whatever the user typed.
 */
class TokenAuthenticationProvider implements AuthenticationProvider {

	/** Granted to requests authenticated by a token, which is what the API takes. */
	static final String API_TOKEN = "API_TOKEN";

	private final ApiTokenService tokens;

	TokenAuthenticationProvider(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Object credentials = authentication.getCredentials();
		if (!(credentials instanceof String token) || !token.startsWith(ApiTokenService.PREFIX)) {
			return null;
		}
		UserPrincipal user = tokens.authenticate(token)
			.orElseThrow(() -> new BadCredentialsException("The API token is invalid or has been revoked."));
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(new SimpleGrantedAuthority(API_TOKEN));
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
