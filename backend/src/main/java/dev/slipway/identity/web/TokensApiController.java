package dev.slipway.identity.web;

import java.util.List;

import dev.slipway.identity.ApiTokenService;
import dev.slipway.identity.ApiTokenSummary;
import dev.slipway.identity.NewApiToken;
import dev.slipway.identity.UserPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/tokens}: the token a script or CLI uses, created with email and password or another token. */
@RestController
@RequestMapping("/api/tokens")
class TokensApiController {

	record CreateToken(String name) {
	}

	private final ApiTokenService tokens;

	TokensApiController(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	NewApiToken create(@AuthenticationPrincipal UserPrincipal user, @RequestBody CreateToken request) {
		return tokens.create(user, request.name());
	}

	@GetMapping
	List<ApiTokenSummary> list(@AuthenticationPrincipal UserPrincipal user) {
		return tokens.list(user);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal UserPrincipal user, @PathVariable long id) {
		tokens.revoke(user, id);
	}

}
