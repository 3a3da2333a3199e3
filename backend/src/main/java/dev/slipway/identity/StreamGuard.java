package dev.slipway.identity;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Ends long-lived responses (live logs, a page's change stream, build output) within
 * {@value #CHECK_EVERY_MILLIS} ms of the credentials they were opened with ceasing to be valid: a dashboard
 * session logged out or expired, or signed out by a password change in another session; an API token
 * revoked; the user removed. One check for all open streams, so no stream needs a thread of its own for it.
 */
@Component
public class StreamGuard {

	static final long CHECK_EVERY_MILLIS = 2000;

	private final Set<Guarded> streams = ConcurrentHashMap.newKeySet();

	private final ApiTokens tokens;

	private final Users users;

	private final SessionRegistry sessions;

	StreamGuard(ApiTokens tokens, Users users, SessionRegistry sessions) {
		this.tokens = tokens;
		this.users = users;
		this.sessions = sessions;
	}

	/**
	 * Guards a stream opened by this request with the request's credentials: when they stop being
	 * valid the stream gets a last line saying why (an SSE comment, or a text line) and ends.
	 */
	public void guard(HttpServletRequest request, ResponseBodyEmitter emitter) {
		Runnable unguard = guard(request, reason -> end(emitter, reason));
		emitter.onCompletion(unguard);
		emitter.onError(error -> unguard.run());
		emitter.onTimeout(unguard);
	}

	/**
	 * Guards a stream of another kind (a WebSocket) opened by this request: when its credentials stop
	 * being valid, {@code end} gets the reason and must end it. Returns what stops guarding it, for when it
	 * ends on its own.
	 */
	public Runnable guard(HttpServletRequest request, Consumer<String> end) {
		if (!(request.getUserPrincipal() instanceof Authentication authentication)) {
			throw new IllegalStateException("Only streams of signed-in users are guarded; this request has none.");
		}
		Guarded guarded = new Guarded(credential(request, authentication), end);
		streams.add(guarded);
		return () -> streams.remove(guarded);
	}

	@Scheduled(fixedDelay = CHECK_EVERY_MILLIS)
	void check() {
		Map<Credential, String> invalid = new HashMap<>();
		for (Guarded stream : streams) {
			String reason = invalid.computeIfAbsent(stream.credential(), this::invalidBecause);
			if (!reason.isEmpty()) {
				streams.remove(stream);
				stream.end().accept(reason);
			}
		}
	}

	/** Why the credentials no longer hold, or an empty string while they do. */
	private String invalidBecause(Credential credential) {
		return switch (credential) {
			case Credential.Token token -> tokens.findByTokenHash(token.hash()).isPresent()
					&& users.existsById(token.userId()) ? ""
							: "the API token was revoked. Create a new one on the account page (/account)";
			case Credential.Session session -> {
				if (!alive(session.session())) {
					yield "the session ended (signed out or expired). Sign in again";
				}
				SessionInformation registered = sessions.getSessionInformation(session.session().getId());
				yield registered != null && registered.isExpired()
						? "the password was changed in another session. Sign in again with the new password" : "";
			}
		};
	}

	private Credential credential(HttpServletRequest request, Authentication authentication) {
		UserPrincipal user = (UserPrincipal) authentication.getPrincipal();
		boolean byToken = authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> TokenAuthenticationProvider.API_TOKEN.equals(authority.getAuthority()));
		if (byToken) {
			Authentication bearer = new BearerTokenConverter().convert(request);
			if (bearer != null && bearer.getCredentials() instanceof String token) {
				return new Credential.Token(ApiTokenService.hash(token), user.id());
			}
		}
		return new Credential.Session(request.getSession());
	}

	/** An invalidated session refuses to be read. */
	private static boolean alive(HttpSession session) {
		try {
			session.getAttributeNames();
			return true;
		}
		catch (IllegalStateException invalidated) {
			return false;
		}
	}

	private static void end(ResponseBodyEmitter emitter, String reason) {
		String message = "Stream ended: " + reason + ".";
		try {
			if (emitter instanceof SseEmitter sse) {
				sse.send(SseEmitter.event().comment(message));
			}
			else {
				emitter.send(message + "\n", MediaType.TEXT_PLAIN);
			}
		}
		catch (IOException | IllegalStateException gone) {
			// The client has gone already: ending the stream is all that is left.
		}
		emitter.complete();
	}

	/** What a stream was opened with: a token (by its hash) or a session. */
	private sealed interface Credential {

		record Token(String hash, long userId) implements Credential {
		}

		record Session(HttpSession session) implements Credential {
		}

	}

	private record Guarded(Credential credential, Consumer<String> end) {
	}

}
