package dev.slipway.apps.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The git remote of an app, at the address the user reached Slipway by. */
final class GitRemote {

	private GitRemote() {
	}

	static String url(String appName) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.replaceQuery(null)
			.path("/git/{name}.git")
			.buildAndExpand(appName)
			.toUriString();
	}

}
