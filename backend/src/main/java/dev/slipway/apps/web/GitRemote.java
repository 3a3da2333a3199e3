package dev.slipway.apps.web;

import dev.slipway.apps.SlipwayAddress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The git remote of an app: at Slipway's HTTPS address once it has one, so the token never travels in
 * clear; before that, at the address the user reached Slipway by.
 */
@Component
class GitRemote {

	private final ObjectProvider<SlipwayAddress> address;

	GitRemote(ObjectProvider<SlipwayAddress> address) {
		this.address = address;
	}

	String url(String appName) {
		SlipwayAddress slipway = address.getIfAvailable();
		String https = slipway == null ? null : slipway.https().orElse(null);
		if (https != null) {
			return https + "git/" + appName + ".git";
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.replaceQuery(null)
			.path("/git/{name}.git")
			.buildAndExpand(appName)
			.toUriString();
	}

}
