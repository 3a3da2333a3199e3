package dev.slipway.identity.web;

import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserAccounts;
import dev.slipway.identity.UserPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/users}: an admin adds the people who deploy here; each sees and manages their own apps. */
@RestController
@RequestMapping("/api/users")
class UsersApiController {

	record CreateUser(String email, String password, Boolean admin) {
	}

	record UserResource(long id, String email, boolean admin) {
	}

	private final UserAccounts accounts;

	UsersApiController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserResource create(@AuthenticationPrincipal UserPrincipal user, @RequestBody CreateUser request) {
		if (!user.admin()) {
			throw SlipwayException.forbidden("admin_required", "Only an admin can add users.");
		}
		UserPrincipal created = accounts.create(request.email(), request.password(),
				Boolean.TRUE.equals(request.admin()));
		return new UserResource(created.id(), created.email(), created.admin());
	}

}
