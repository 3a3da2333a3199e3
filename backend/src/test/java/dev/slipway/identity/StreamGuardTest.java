package dev.slipway.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

import static org.assertj.core.api.Assertions.assertThat;

class StreamGuardTest {

	private static final String TOKEN = "slp_a-token-for-a-tail";

	private final UserPrincipal user = new UserPrincipal(7, "dev@example.com", false, "hash");

	private final ApiTokens tokens = Mockito.mock(ApiTokens.class);

	private final Users users = Mockito.mock(Users.class);

	private final SessionRegistryImpl sessions = new SessionRegistryImpl();

	private final StreamGuard guard = new StreamGuard(tokens, users, sessions);

	private final Recording stream = new Recording();

	StreamGuardTest() {
		Mockito.when(users.existsById(7L)).thenReturn(true);
	}

	@Test
	void aStreamOfASessionEndsOnceTheSessionIsSignedOut() {
		MockHttpSession session = new MockHttpSession();
		guard.guard(sessionRequest(session), stream);
		guard.check();
		assertThat(stream.completed).isFalse();
		session.invalidate();
		guard.check();
		assertThat(stream.completed).isTrue();
		assertThat(stream.sent).singleElement().asString().startsWith("Stream ended: the session ended");
	}

	@Test
	void aStreamOfASessionEndsOnceAPasswordChangeElsewhereSignedItOut() {
		MockHttpSession session = new MockHttpSession();
		sessions.registerNewSession(session.getId(), user);
		guard.guard(sessionRequest(session), stream);
		guard.check();
		assertThat(stream.completed).isFalse();
		sessions.getSessionInformation(session.getId()).expireNow();
		guard.check();
		assertThat(stream.completed).isTrue();
		assertThat(stream.sent).singleElement().asString().startsWith("Stream ended: the password was changed in another session");
	}

	@Test
	void aStreamOfATokenEndsOnceTheTokenIsRevoked() {
		Mockito.when(tokens.findByTokenHash(ApiTokenService.hash(TOKEN)))
			.thenReturn(Optional.of(new ApiToken(7L, "tail", ApiTokenService.hash(TOKEN), "slp_a-toke")));
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", "Bearer " + TOKEN);
		request.setUserPrincipal(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(TokenAuthenticationProvider.API_TOKEN))));
		guard.guard(request, stream);
		guard.check();
		assertThat(stream.completed).isFalse();
		Mockito.when(tokens.findByTokenHash(ApiTokenService.hash(TOKEN))).thenReturn(Optional.empty());
		guard.check();
		assertThat(stream.completed).isTrue();
		assertThat(stream.sent).singleElement().asString().startsWith("Stream ended: the API token was revoked");
	}

	private MockHttpServletRequest sessionRequest(MockHttpSession session) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(session);
		request.setUserPrincipal(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return request;
	}

	/** A text stream that keeps what was sent to it and whether it was ended. */
	private static final class Recording extends ResponseBodyEmitter {

		final List<Object> sent = new ArrayList<>();

		boolean completed;

		@Override
		public void send(Object object, MediaType mediaType) {
			sent.add(object);
		}

		@Override
		public void complete() {
			completed = true;
			super.complete();
		}

	}

}
