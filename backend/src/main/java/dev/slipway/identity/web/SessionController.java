package dev.slipway.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.SetupGuard;
import dev.slipway.identity.TooManyAttemptsException;
import dev.slipway.identity.UserAccounts;
import dev.slipway.identity.UserPrincipal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login and the first-run setup that creates the admin account. */
@Controller
class SessionController {

	private final UserAccounts accounts;

	private final SetupGuard setup;

	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	SessionController(UserAccounts accounts, SetupGuard setup) {
		this.accounts = accounts;
		this.setup = setup;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/apps";
	}

	@GetMapping("/login")
	String login() {
		return accounts.setupRequired() ? "redirect:/setup" : "login";
	}

	/** A login refused for too many failed attempts, forwarded here by the login form's failure handler. */
	@RequestMapping(TooManyAttemptsException.LOGIN_PAGE)
	String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!(request.getAttribute(TooManyAttemptsException.ATTRIBUTE) instanceof TooManyAttemptsException ex)) {
			return "redirect:/login";
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		model.addAttribute("tooManyAttempts", ex.getMessage());
		return "login";
	}

	@GetMapping("/setup")
	String setup(HttpServletRequest request, Model model) {
		if (!accounts.setupRequired()) {
			return "redirect:/login";
		}
		model.addAttribute("codeRequired", setup.codeRequired(request.getRemoteAddr()));
		return "setup";
	}

	@PostMapping("/setup")
	String createAdmin(@RequestParam String email, @RequestParam String password,
			@RequestParam String passwordConfirmation, @RequestParam(required = false) String setupCode, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (!accounts.setupRequired()) {
			return "redirect:/login";
		}
		model.addAttribute("email", email);
		model.addAttribute("codeRequired", setup.codeRequired(request.getRemoteAddr()));
		UserPrincipal admin;
		try {
			setup.check(request.getRemoteAddr(), setupCode);
			if (!password.equals(passwordConfirmation)) {
				model.addAttribute("error", "The two passwords differ; type the same password twice.");
				return "setup";
			}
			admin = accounts.createFirstAdmin(email, password);
		}
		catch (TooManyAttemptsException ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
			model.addAttribute("error", ex.getMessage());
			return "setup";
		}
		catch (SlipwayException ex) {
			response.setStatus(ex.kind().status());
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
		accounts.signedIn(user, request.getSession().getId());
	}

}
