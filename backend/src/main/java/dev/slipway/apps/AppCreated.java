package dev.slipway.apps;

/** Published when an app is created, so the router can answer for it before its first deploy. */
public record AppCreated(long appId, String name) {
}
