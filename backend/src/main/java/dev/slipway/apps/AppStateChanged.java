package dev.slipway.apps;

/**
 * Something an app's page shows while one looks at it changed (a release, a build, its dynos), so the
 * page's change stream looks at the app's live parts again instead of on a clock.
 */
public interface AppStateChanged {

	long appId();

}
