package dev.slipway.identity.web;

import jakarta.servlet.http.HttpSession;

import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.ApiTokenService;
import dev.slipway.identity.SshKeyService;
import dev.slipway.identity.UserAccounts;
import dev.slipway.identity.UserPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The account page: API tokens (created, shown once, revoked), SSH keys and the password. */
@Controller
@RequestMapping("/account")
class AccountController {

	private final ApiTokenService tokens;

	private final SshKeyService keys;

	private final UserAccounts accounts;

	AccountController(ApiTokenService tokens, SshKeyService keys, UserAccounts accounts) {
		this.tokens = tokens;
		this.keys = keys;
		this.accounts = accounts;
	}

	@GetMapping
	String show(@AuthenticationPrincipal UserPrincipal user, Model model) {
		model.addAttribute("tokens", tokens.list(user));
		model.addAttribute("sshKeys", keys.list(user));
		return "account";
	}

	@PostMapping("/tokens")
	String createToken(@AuthenticationPrincipal UserPrincipal user, @RequestParam String name, Model model) {
		try {
			model.addAttribute("newToken", tokens.create(user, name));
		}
		catch (SlipwayException ex) {
			model.addAttribute("tokenError", ex.getMessage());
			model.addAttribute("tokenName", name);
		}
		return show(user, model);
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal UserPrincipal user, @PathVariable long id, RedirectAttributes flash) {
		tokens.revoke(user, id);
		flash.addFlashAttribute("notice", "Token revoked: it no longer works.");
		return "redirect:/account";
	}

	@PostMapping("/keys")
	String addKey(@AuthenticationPrincipal UserPrincipal user, @RequestParam String publicKey, Model model,
			RedirectAttributes flash) {
		try {
			keys.add(user, publicKey, null);
		}
		catch (SlipwayException ex) {
			model.addAttribute("keyError", ex.getMessage());
			model.addAttribute("keyText", publicKey);
			return show(user, model);
		}
		flash.addFlashAttribute("notice", "SSH key added: git push over SSH signs in with it.");
		return "redirect:/account";
	}

	@PostMapping("/keys/{id}/remove")
	String removeKey(@AuthenticationPrincipal UserPrincipal user, @PathVariable long id, RedirectAttributes flash) {
		keys.remove(user, id);
		flash.addFlashAttribute("notice", "SSH key removed: it no longer signs in.");
		return "redirect:/account";
	}

	@PostMapping("/password")
	String changePassword(@AuthenticationPrincipal UserPrincipal user, @RequestParam String currentPassword,
			@RequestParam String newPassword, @RequestParam String newPasswordConfirmation, HttpSession session,
			Model model, RedirectAttributes flash) {
		try {
			if (!newPassword.equals(newPasswordConfirmation)) {
				throw SlipwayException.invalid("password_mismatch", "The two new passwords differ; type the same one twice.");
			}
			accounts.changePassword(user, currentPassword, newPassword, session.getId());
		}
		catch (SlipwayException ex) {
			model.addAttribute("passwordError", ex.getMessage());
			return show(user, model);
		}
		flash.addFlashAttribute("notice", "Password changed. Your other sessions are signed out; API tokens still work.");
		return "redirect:/account";
	}

}
