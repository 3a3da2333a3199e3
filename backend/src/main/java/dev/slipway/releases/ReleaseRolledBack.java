package dev.slipway.releases;

/** Published when a rollback release runs: the app's config is now that of release {@code to}. */
public record ReleaseRolledBack(long appId, String app, int to, int newVersion, String author) {
}
