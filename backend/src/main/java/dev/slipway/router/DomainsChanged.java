package dev.slipway.router;

/** Published when an app's custom domains changed, so its certificates follow. */
public record DomainsChanged(long appId, String app) {
}
