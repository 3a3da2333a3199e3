package dev.slipway.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import dev.slipway.errors.Problems;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Three ways in: git over HTTP (Basic, the password is an API token), the JSON API (Bearer token;
 * Basic with email and password only to create a token), and the dashboard (form login, session,
 * CSRF). Everything needs authentication except login, first-run setup, static assets, /healthz and the
 * command line's downloads (/cli/).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String REALM = "Slipway";

	/** Where a session signed out by a password change in another session lands on its next request. */
	static final String PASSWORD_CHANGED_PAGE = "/login?password-changed";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Every dashboard session by user, so that a password change can sign out the user's other sessions.
	 * Sessions live in the servlet container's memory; the publisher tells the registry when one ends.
	 */
	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	@Bean
	@Order(1)
	SecurityFilterChain git(HttpSecurity http, ApiTokenService tokens, AuthenticationThrottle throttle) {
		// git prints a text/plain body of an error response as "remote:" lines.
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> {
			if (ex instanceof TooManyAttemptsException tooMany) {
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
				response.setStatus(429);
				response.setContentType("text/plain; charset=UTF-8");
				response.getWriter().println(tooMany.getMessage() + " Check the API token you push with.");
				return;
			}
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
			response.setStatus(401);
			response.setContentType("text/plain; charset=UTF-8");
			response.getWriter()
				.println("Authentication failed: the password must be an API token of your Slipway account "
						+ "(create one on the account page, " + request.getRequestURL().toString().replaceFirst("/git/.*$", "/account")
						+ "). Any user name works.");
		};
		http.securityMatcher("/git/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.authenticationManager(
					new ThrottledAuthentication(new ProviderManager(new TokenAuthenticationProvider(tokens)), throttle))
			.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, UserAccounts accounts,
			PasswordEncoder passwordEncoder, AuthenticationThrottle throttle) {
		TokenAuthenticationProvider tokenProvider = new TokenAuthenticationProvider(tokens);
		AuthenticationFilter bearer = new AuthenticationFilter(
				new ThrottledAuthentication(new ProviderManager(tokenProvider), throttle), new BearerTokenConverter());
		bearer.setSuccessHandler((request, response, authentication) -> {
		});
		bearer.setFailureHandler((request, response, ex) -> {
			if (ex instanceof TooManyAttemptsException tooMany) {
				tooManyAttempts(response, tooMany);
				return;
			}
			Problems.write(response, 401, "invalid_token",
					"The API token is invalid or has been revoked. Create a new one on the account page (/account).");
		});
		DaoAuthenticationProvider passwordProvider = new DaoAuthenticationProvider(accounts);
		passwordProvider.setPasswordEncoder(passwordEncoder);

		AuthenticationEntryPoint missingCredentials = (request, response, ex) -> {
			if (ex instanceof TooManyAttemptsException tooMany) {
				tooManyAttempts(response, tooMany);
				return;
			}
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
			boolean basicTried = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
			Problems.write(response, 401, basicTried ? "wrong_credentials" : "missing_token",
					basicTried ? "Wrong email or password, or an invalid API token."
							: "This endpoint needs an API token: send Authorization: Bearer <token>. "
									+ "Create a token on the account page (/account).");
		};
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/tokens")
				.authenticated()
				.anyRequest()
				.hasAuthority(TokenAuthenticationProvider.API_TOKEN))
			.authenticationManager(new ThrottledAuthentication(new ProviderManager(tokenProvider, passwordProvider), throttle))
			.addFilterBefore(bearer, BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(missingCredentials))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(missingCredentials)
				.accessDeniedHandler((request, response, ex) -> Problems.write(response, 403, "token_required",
						"The API takes an API token (Authorization: Bearer <token>); email and password only create one "
								+ "(POST /api/tokens).")))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain dashboard(HttpSecurity http, UserAccounts accounts, PasswordEncoder passwordEncoder,
			AuthenticationThrottle throttle, SessionRegistry sessionRegistry) {
		DaoAuthenticationProvider passwordProvider = new DaoAuthenticationProvider(accounts);
		passwordProvider.setPasswordEncoder(passwordEncoder);
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", TooManyAttemptsException.LOGIN_PAGE, "/setup", "/healthz", "/cli/**", "/css/**", "/js/**", "/img/**", "/webjars/**",
					"/favicon.ico", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.authenticationManager(new ThrottledAuthentication(new ProviderManager(passwordProvider), throttle))
			.formLogin(login -> login.loginPage("/login")
				.usernameParameter("email")
				.defaultSuccessUrl("/apps")
				.failureHandler((request, response, ex) -> {
					if (ex instanceof TooManyAttemptsException tooMany) {
						// The login page again, with the reason and the 429 a script can act on.
						response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
						request.setAttribute(TooManyAttemptsException.ATTRIBUTE, tooMany);
						request.getRequestDispatcher(TooManyAttemptsException.LOGIN_PAGE).forward(request, response);
						return;
					}
					response.sendRedirect(request.getContextPath() + "/login?error");
				})
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			// Any number of sessions per user, registered so that UserAccounts#changePassword can expire the others.
			.sessionManagement(sessions -> sessions.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredUrl(PASSWORD_CHANGED_PAGE))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
							+ "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'")));
		return http.build();
	}

	private static void tooManyAttempts(HttpServletResponse response, TooManyAttemptsException ex) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
		Problems.write(response, 429, "too_many_attempts", ex.getMessage());
	}

}
