package dev.slipway.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserAccounts;
import dev.slipway.identity.UserPrincipal;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login and the first-run setup that creates the admin account. */
@Controller
class SessionController {

	private final UserAccounts accounts;

	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	SessionController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/apps";
	}

	@GetMapping("/login")
	String login() {
		return accounts.setupRequired() ? "redirect:/setup" : "login";
	}

	@GetMapping("/setup")
	String setup() {
		return accounts.setupRequired() ? "setup" : "redirect:/login";
	}

	@PostMapping("/setup")
	String createAdmin(@RequestParam String email, @RequestParam String password,
			@RequestParam String passwordConfirmation, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (!accounts.setupRequired()) {
			return "redirect:/login";
		}
		model.addAttribute("email", email);
		if (!password.equals(passwordConfirmation)) {
			model.addAttribute("error", "The two passwords differ; type the same password twice.");
			return "setup";
		}
		UserPrincipal admin;
		try {
			admin = accounts.createFirstAdmin(email, password);
		}
		catch (SlipwayException ex) {
			model.addAttribute("error", ex.getMessage());
			return "setup";
		}
		signIn(admin, request, response);
		return "redirect:/apps";
	}

	private void signIn(UserPrincipal user, HttpServletRequest request, HttpServletResponse response) {
		request.getSession(true);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		sessions.saveContext(context, request, response);
	}

}
