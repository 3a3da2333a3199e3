package dev.slipway.runtime;

/** Published when a dyno changes state, for the app's log: "State changed from starting to up". */
public record DynoStateChanged(long appId, String app, String dyno, DynoState from, DynoState to, Integer exitCode) {
}
