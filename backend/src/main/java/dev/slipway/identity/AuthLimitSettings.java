package dev.slipway.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins (passwords, API tokens, setup codes) Slipway takes per client address and per
 * account within a window, how many addresses and accounts it keeps count of at once, and how many API
 * tokens and SSH keys one user may hold.
 */
@ConfigurationProperties("slipway.auth")
record AuthLimitSettings(@DefaultValue("20") int attemptsPerAddress, @DefaultValue("10") int attemptsPerAccount,
		@DefaultValue("5m") Duration attemptsWindow, @DefaultValue("100000") int trackedClients,
		@DefaultValue("50") int maxTokensPerUser, @DefaultValue("50") int maxSshKeysPerUser) {

	AuthLimitSettings {
		if (attemptsPerAddress < 1 || attemptsPerAccount < 1 || trackedClients < 1 || maxTokensPerUser < 1
				|| maxSshKeysPerUser < 1) {
			throw new IllegalArgumentException("slipway.auth.attempts-per-address, attempts-per-account, "
					+ "tracked-clients, max-tokens-per-user and max-ssh-keys-per-user must be at least 1");
		}
		if (attemptsWindow.isNegative() || attemptsWindow.isZero()) {
			throw new IllegalArgumentException("slipway.auth.attempts-window must be longer than zero, such as 5m");
		}
	}

}
