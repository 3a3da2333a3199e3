package dev.slipway.identity;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.slipway.errors.SlipwayException;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** User accounts: the first-run admin, further users, passwords. */
@Service
public class UserAccounts implements UserDetailsService {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

	static final int MIN_PASSWORD_LENGTH = 8;

	private final Users users;

	private final PasswordEncoder passwords;

	private final SessionRegistry sessions;

	UserAccounts(Users users, PasswordEncoder passwords, SessionRegistry sessions) {
		this.users = users;
		this.passwords = passwords;
		this.sessions = sessions;
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

	/**
	 * Changes the password and, once that has committed, signs out every other dashboard session of the
	 * user (whoever knew the old password may hold one); the session that changed it, {@code keptSessionId},
	 * stays signed in. API tokens stay valid: they are credentials of their own, revoked one by one.
	 */
	@Transactional
	public void changePassword(UserPrincipal principal, String currentPassword, String newPassword,
			String keptSessionId) {
		User user = users.findById(principal.id()).orElseThrow();
		if (currentPassword == null || !passwords.matches(currentPassword, user.passwordHash())) {
			throw SlipwayException.invalid("wrong_password", "The current password is wrong.");
		}
		checkPassword(newPassword);
		user.changePassword(passwords.encode(newPassword));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				sessions.getAllSessions(principal, false)
					.stream()
					.filter(session -> !session.getSessionId().equals(keptSessionId))
					.forEach(SessionInformation::expireNow);
			}
		});
	}

	/** Whether the user is an admin, whom per-user limits do not count (false for a user that does not exist). */
	@Transactional(readOnly = true)
	public boolean isAdmin(long userId) {
		return users.findById(userId).map(User::admin).orElse(false);
	}

	/** Records a session signed in without the login form (first-run setup), so a password change reaches it too. */
	public void signedIn(UserPrincipal user, String sessionId) {
		sessions.registerNewSession(sessionId, user);
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
