package dev.slipway.releases;

/** Published when a release is rolled out, for the app's log: "Release v7 created by you@example.com". */
public record ReleaseCreated(long appId, String app, int version, String description, String author) {
}
