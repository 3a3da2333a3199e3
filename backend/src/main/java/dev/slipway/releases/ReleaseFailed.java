package dev.slipway.releases;

/** Published when a release could not be rolled out; what ran before keeps running. */
public record ReleaseFailed(long appId, String app, int version, String reason) {
}
