package dev.slipway.releases;

/**
 * Published once at start, before Slipway serves, when every release a crash interrupted is settled
 * (failed, or current if it had been switched to): what must match the current release, such as the
 * stored config vars, is made to match it now.
 */
public record ReleasesRecovered() {
}
