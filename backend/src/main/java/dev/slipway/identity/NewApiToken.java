package dev.slipway.identity;

import java.time.Instant;

/** A token just created: the only time its secret is shown. */
public record NewApiToken(long id, String name, String token, Instant createdAt) {
}
