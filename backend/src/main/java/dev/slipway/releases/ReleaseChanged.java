package dev.slipway.releases;

import dev.slipway.apps.AppStateChanged;

/** A release of the app was created, rolled out or failed. */
public record ReleaseChanged(long appId) implements AppStateChanged {
}
