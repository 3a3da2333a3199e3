package dev.slipway.builds.buildpack.node;

/** Packuments by package name: the npm registry, or canned ones in unit tests. */
interface Packuments {

	/** Fails the build ({@link dev.slipway.builds.BuildFailed}) when the registry cannot answer. */
	Packument packument(String name);

}
