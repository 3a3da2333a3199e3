package dev.slipway.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.slipway.errors.SlipwayException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: 32 random bytes shown once, stored as a SHA-256 hash (a slow hash buys
 * nothing for secrets this long), used as a Bearer token or as git's HTTP password.
 */
@Service
public class ApiTokenService {

	static final String PREFIX = "slp_";

	private final SecureRandom random = new SecureRandom();

	private final ApiTokens tokens;

	private final Users users;

	private final AuthLimitSettings limits;

	ApiTokenService(ApiTokens tokens, Users users, AuthLimitSettings limits) {
		this.tokens = tokens;
		this.users = users;
		this.limits = limits;
	}

	@Transactional
	public NewApiToken create(UserPrincipal user, String name) {
		String label = name == null ? "" : name.strip();
		if (label.isEmpty() || label.length() > 100) {
			throw SlipwayException.invalid("invalid_token_name", "Give the token a name of 1 to 100 characters, such as 'laptop'.");
		}
		if (tokens.countByUserId(user.id()) >= limits.maxTokensPerUser()) {
			throw SlipwayException.forbidden("token_limit_reached", "You hold " + limits.maxTokensPerUser()
					+ " API tokens, as many as one user may: revoke one you no longer use.");
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		ApiToken saved = tokens.save(new ApiToken(user.id(), label, hash(token), token.substring(0, 10)));
		return new NewApiToken(saved.id(), label, token, saved.summary().createdAt());
	}

	@Transactional(readOnly = true)
	public List<ApiTokenSummary> list(UserPrincipal user) {
		return tokens.findByUserIdOrderByCreatedAtDesc(user.id()).stream().map(ApiToken::summary).toList();
	}

	@Transactional
	public void revoke(UserPrincipal user, long tokenId) {
		ApiToken token = tokens.findById(tokenId)
			.filter(candidate -> candidate.userId() == user.id())
			.orElseThrow(() -> SlipwayException.notFound("token_not_found", "You have no token with id " + tokenId + "."));
		tokens.delete(token);
	}

	/** The user a token belongs to, if it is one of ours and not revoked. */
	@Transactional
	public Optional<UserPrincipal> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return tokens.findByTokenHash(hash(token)).flatMap(apiToken -> {
			apiToken.markUsed(Instant.now());
			return users.findById(apiToken.userId()).map(User::principal);
		});
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
