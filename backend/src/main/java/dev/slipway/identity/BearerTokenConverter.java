package dev.slipway.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Reads {@code Authorization: Bearer <token>}; other requests pass on unauthenticated. */
class BearerTokenConverter implements AuthenticationConverter {

	private static final String BEARER = "Bearer ";

	@Override
	public Authentication convert(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated("",
				header.substring(BEARER.length()).strip());
		// The client's address, which failed tokens are counted against.
		token.setDetails(new WebAuthenticationDetails(request));
		return token;
	}

}
