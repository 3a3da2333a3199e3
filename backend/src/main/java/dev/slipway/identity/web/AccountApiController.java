package dev.slipway.identity.web;

import dev.slipway.identity.UserPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/account}: who a token belongs to, for {@code slipway whoami}. */
@RestController
class AccountApiController {

	record AccountResource(long id, String email, boolean admin) {
	}

	@GetMapping("/api/account")
	AccountResource show(@AuthenticationPrincipal UserPrincipal user) {
		return new AccountResource(user.id(), user.email(), user.admin());
	}

}
