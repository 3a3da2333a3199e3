package dev.slipway.identity;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.slipway.errors.SlipwayException;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts: the first-run admin, further users, passwords. */
@Service
public class UserAccounts implements UserDetailsService {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

	static final int MIN_PASSWORD_LENGTH = 8;

	private final Users users;

	private final PasswordEncoder passwords;

	UserAccounts(Users users, PasswordEncoder passwords) {
		this.users = users;
		this.passwords = passwords;
	}

	/** True until the first account exists: then the dashboard asks for the admin account. */
	@Transactional(readOnly = true)
	public boolean setupRequired() {
		return users.count() == 0;
	}

	/** Creates the first account, an admin; refused once any account exists. */
	@Transactional
	public synchronized UserPrincipal createFirstAdmin(String email, String password) {
		if (!setupRequired()) {
			throw SlipwayException.conflict("already_set_up", "Slipway already has an admin account; log in instead.");
		}
		return create(email, password, true);
	}

	@Transactional
	public UserPrincipal create(String email, String password, boolean admin) {
		String normalized = normalizeEmail(email);
		checkPassword(password);
		if (users.findByEmail(normalized).isPresent()) {
			throw SlipwayException.conflict("email_taken", "An account with the email " + normalized + " exists already.");
		}
		return users.save(new User(normalized, passwords.encode(password), admin)).principal();
	}

	@Transactional
	public void changePassword(UserPrincipal principal, String currentPassword, String newPassword) {
		User user = users.findById(principal.id()).orElseThrow();
		if (currentPassword == null || !passwords.matches(currentPassword, user.passwordHash())) {
			throw SlipwayException.invalid("wrong_password", "The current password is wrong.");
		}
		checkPassword(newPassword);
		user.changePassword(passwords.encode(newPassword));
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		return users.findByEmail(email == null ? "" : email.strip().toLowerCase(Locale.ROOT))
			.map(User::principal)
			.orElseThrow(() -> new UsernameNotFoundException("No account for " + email));
	}

	private static String normalizeEmail(String email) {
		String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
			throw SlipwayException.invalid("invalid_email", "Enter an email address such as you@example.com.");
		}
		return normalized;
	}

	private static void checkPassword(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw SlipwayException.invalid("weak_password",
					"Passwords need at least " + MIN_PASSWORD_LENGTH + " characters.");
		}
		if (password.length() > 200) {
			throw SlipwayException.invalid("invalid_password", "Passwords may have at most 200 characters.");
		}
	}

}
