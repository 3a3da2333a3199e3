package dev.slipway.router;

/** A web dyno the router sends requests to: its container's own address, and its name for the logs. */
public record Upstream(String address, String dyno) {
}
