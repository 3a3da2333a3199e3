package dev.slipway.identity.web;

import java.util.List;

import dev.slipway.identity.SshKeyService;
import dev.slipway.identity.SshKeySummary;
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

/** {@code /api/keys}: the SSH public keys a user pushes with over SSH. */
@RestController
@RequestMapping("/api/keys")
class SshKeysApiController {

	record AddKey(String publicKey, String name) {
	}

	private final SshKeyService keys;

	SshKeysApiController(SshKeyService keys) {
		this.keys = keys;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	SshKeySummary add(@AuthenticationPrincipal UserPrincipal user, @RequestBody AddKey request) {
		return keys.add(user, request.publicKey(), request.name());
	}

	@GetMapping
	List<SshKeySummary> list(@AuthenticationPrincipal UserPrincipal user) {
		return keys.list(user);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@AuthenticationPrincipal UserPrincipal user, @PathVariable long id) {
		keys.remove(user, id);
	}

}
