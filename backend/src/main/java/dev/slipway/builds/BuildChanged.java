package dev.slipway.builds;

import dev.slipway.apps.AppStateChanged;

/** A build of the app was created or moved on (started, chose its buildpack, ended). */
public record BuildChanged(long appId) implements AppStateChanged {
}
