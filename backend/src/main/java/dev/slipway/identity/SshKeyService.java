package dev.slipway.identity;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.slipway.errors.SlipwayException;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SSH public keys, a second way to push besides API tokens: a user adds the public half of a key
 * (a line of an {@code ~/.ssh/*.pub} file) and Slipway's SSH server takes pushes signed with it.
 * A key belongs to one user only, so the key alone tells who pushes.
 */
@Service
public class SshKeyService {

	/** Far above the longest public key line (RSA at 16384 bits, about 2.8 KB) and its comment. */
	static final int MAX_LINE = 16384;

	static final int MIN_RSA_BITS = 2048;

	private final SshKeys keys;

	private final Users users;

	private final AuthLimitSettings limits;

	SshKeyService(SshKeys keys, Users users, AuthLimitSettings limits) {
		this.keys = keys;
		this.users = users;
		this.limits = limits;
	}

	@Transactional
	public SshKeySummary add(UserPrincipal user, String publicKey, String name) {
		String line = publicKey == null ? "" : publicKey.strip();
		if (line.isEmpty() || line.length() > MAX_LINE || line.contains("\n")) {
			throw invalidKey("Give one public key line of at most " + MAX_LINE + " characters");
		}
		PublicKey key = parse(line);
		String fingerprint = KeyUtils.getFingerPrint(key);
		String label = name == null || name.isBlank() ? defaultName(line, fingerprint) : name.strip();
		if (label.length() > 100) {
			throw SlipwayException.invalid("invalid_key_name", "Give the key a name of at most 100 characters, such as 'laptop'.");
		}
		if (keys.countByUserId(user.id()) >= limits.maxSshKeysPerUser()) {
			throw SlipwayException.forbidden("key_limit_reached", "You hold " + limits.maxSshKeysPerUser()
					+ " SSH keys, as many as one user may: remove one you no longer use.");
		}
		if (keys.findByFingerprint(fingerprint).isPresent()) {
			throw keyTaken(fingerprint);
		}
		try {
			return keys.saveAndFlush(new SshKey(user.id(), label, fingerprint, normalized(key, line))).summary();
		}
		catch (DataIntegrityViolationException ex) {
			// Added by another request since the check above.
			throw keyTaken(fingerprint);
		}
	}

	@Transactional(readOnly = true)
	public List<SshKeySummary> list(UserPrincipal user) {
		return keys.findByUserIdOrderByCreatedAtDesc(user.id()).stream().map(SshKey::summary).toList();
	}

	@Transactional
	public void remove(UserPrincipal user, long keyId) {
		SshKey key = keys.findById(keyId)
			.filter(candidate -> candidate.userId() == user.id())
			.orElseThrow(() -> SlipwayException.notFound("key_not_found", "You have no SSH key with id " + keyId
					+ ": list yours with GET /api/keys or 'slipway keys'."));
		keys.delete(key);
	}

	/** The user a key that signed in belongs to, if one of ours. */
	@Transactional
	public Optional<UserPrincipal> authenticate(PublicKey key) {
		return keys.findByFingerprint(KeyUtils.getFingerPrint(key)).flatMap(sshKey -> {
			sshKey.markUsed(Instant.now());
			return users.findById(sshKey.userId()).map(User::principal);
		});
	}

	private static PublicKey parse(String line) {
		PublicKey key;
		try {
			AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line);
			if (entry == null) {
				throw invalidKey("That line holds no key");
			}
			key = entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
		}
		catch (IllegalArgumentException | IOException | GeneralSecurityException ex) {
			throw invalidKey("That is not an SSH public key Slipway can read (" + ex.getMessage() + ")");
		}
		if (key == null) {
			throw invalidKey("That is not an SSH public key Slipway can read");
		}
		if (key instanceof DSAPublicKey) {
			throw invalidKey("DSA keys are too weak to push with; make an ed25519 key instead");
		}
		if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
			throw invalidKey("This RSA key has " + rsa.getModulus().bitLength() + " bits, fewer than the "
					+ MIN_RSA_BITS + " Slipway takes; make an ed25519 key instead");
		}
		return key;
	}

	/** The key as OpenSSH writes it, with the comment of the line given, without login options. */
	private static String normalized(PublicKey key, String line) {
		String comment = comment(line);
		return PublicKeyEntry.toString(key) + (comment.isEmpty() ? "" : " " + comment);
	}

	private static String defaultName(String line, String fingerprint) {
		String comment = comment(line);
		if (comment.isEmpty()) {
			return fingerprint.substring(0, Math.min(fingerprint.length(), 20));
		}
		return comment.length() > 100 ? comment.substring(0, 100) : comment;
	}

	private static String comment(String line) {
		AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line);
		String comment = entry == null ? null : entry.getComment();
		return comment == null ? "" : comment.strip();
	}

	private static SlipwayException invalidKey(String reason) {
		return SlipwayException.invalid("invalid_ssh_key", reason
				+ ". Paste the whole line of your public key file, such as the one in ~/.ssh/id_ed25519.pub "
				+ "(make one with ssh-keygen -t ed25519).");
	}

	private static SlipwayException keyTaken(String fingerprint) {
		return SlipwayException.conflict("ssh_key_taken", "The key " + fingerprint + " is added to Slipway already, "
				+ "to this account or another: one key identifies one user. Make a new key for this account "
				+ "with ssh-keygen -t ed25519.");
	}

}
