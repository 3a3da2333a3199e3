package dev.slipway.identity;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per client address and per account in token buckets, so that a guesser gets
 * 429 long before the guesses cost much: an attempt takes its token before the password is hashed and
 * gives it back when it was right, so valid passwords and API tokens never use up an allowance. The
 * buckets live in caches of bounded size, so clients sending endless addresses or account names cannot
 * grow them without limit.
 */
@Component
class AuthenticationThrottle {

	/** An account name longer than any email Slipway accepts is counted under its first characters. */
	private static final int MAX_ACCOUNT_KEY = 254;

	private final AuthLimitSettings settings;

	private final Cache<String, Bucket> addresses;

	private final Cache<String, Bucket> accounts;

	AuthenticationThrottle(AuthLimitSettings settings) {
		this.settings = settings;
		this.addresses = cache(settings);
		this.accounts = cache(settings);
	}

	private static Cache<String, Bucket> cache(AuthLimitSettings settings) {
		return Caffeine.newBuilder()
			.maximumSize(settings.trackedClients())
			.expireAfterAccess(settings.attemptsWindow())
			.build();
	}

	/**
	 * Takes one attempt from the address's and, when named, the account's allowance before the check; the
	 * caller gives it back with {@link Attempt#succeeded()} when the check passed.
	 */
	Attempt begin(String address, String account) {
		Bucket byAddress = addresses.get(address, key -> bucket(settings.attemptsPerAddress()));
		ConsumptionProbe fromAddress = byAddress.tryConsumeAndReturnRemaining(1);
		if (!fromAddress.isConsumed()) {
			throw new TooManyAttemptsException("from this address", Duration.ofNanos(fromAddress.getNanosToWaitForRefill()));
		}
		if (account == null) {
			return new Attempt(byAddress, null);
		}
		Bucket byAccount = accounts.get(accountKey(account), key -> bucket(settings.attemptsPerAccount()));
		ConsumptionProbe fromAccount = byAccount.tryConsumeAndReturnRemaining(1);
		if (!fromAccount.isConsumed()) {
			byAddress.addTokens(1);
			throw new TooManyAttemptsException("for this account", Duration.ofNanos(fromAccount.getNanosToWaitForRefill()));
		}
		return new Attempt(byAddress, byAccount);
	}

	/**
	 * For a check that costs little (an API token's: one SHA-256), nothing is taken before it: an address
	 * whose allowance is used up is refused, and only a failed check takes from it afterwards with
	 * {@link #failedFrom}. So any number of valid requests may run at once.
	 */
	void refuseIfBlocked(String address) {
		Bucket byAddress = addresses.getIfPresent(address);
		if (byAddress == null) {
			return;
		}
		EstimationProbe probe = byAddress.estimateAbilityToConsume(1);
		if (!probe.canBeConsumed()) {
			throw new TooManyAttemptsException("from this address", Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	/** Counts a failed cheap check against the address. */
	void failedFrom(String address) {
		addresses.get(address, key -> bucket(settings.attemptsPerAddress())).tryConsume(1);
	}

	private Bucket bucket(int attempts) {
		return Bucket.builder()
			.addLimit(limit -> limit.capacity(attempts).refillGreedy(attempts, settings.attemptsWindow()))
			.build();
	}

	private static String accountKey(String account) {
		String key = account.strip().toLowerCase(Locale.ROOT);
		return key.length() > MAX_ACCOUNT_KEY ? key.substring(0, MAX_ACCOUNT_KEY) : key;
	}

	/** One counted attempt; a success gives its tokens back, so the right password never uses up an allowance. */
	record Attempt(Bucket byAddress, Bucket byAccount) {

		void succeeded() {
			byAddress.addTokens(1);
			if (byAccount != null) {
				byAccount.addTokens(1);
			}
		}

	}

}
