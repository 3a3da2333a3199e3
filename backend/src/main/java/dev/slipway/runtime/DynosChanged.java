package dev.slipway.runtime;

import dev.slipway.apps.AppStateChanged;

/** One of the app's dynos appeared, went or changed state or restart count. */
public record DynosChanged(long appId) implements AppStateChanged {
}
