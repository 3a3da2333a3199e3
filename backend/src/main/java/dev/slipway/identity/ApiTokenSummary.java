package dev.slipway.identity;

import java.time.Instant;

/** A token as lists show it: never the token itself, only its first characters. */
public record ApiTokenSummary(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {
}
