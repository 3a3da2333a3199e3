package dev.slipway.cli;

import picocli.CommandLine.IVersionProvider;

/** The CLI's version: the one its jar was built as. */
final class CliVersion implements IVersionProvider {

	static String version() {
		String version = CliVersion.class.getPackage().getImplementationVersion();
		return version == null ? "development" : version;
	}

	@Override
	public String[] getVersion() {
		return new String[] { "slipway " + version() };
	}

}
