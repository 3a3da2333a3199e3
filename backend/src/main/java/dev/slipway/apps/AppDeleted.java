package dev.slipway.apps;

/** Published after an app is deleted, so the features holding its resources can remove them. */
public record AppDeleted(long appId, String name) {
}
