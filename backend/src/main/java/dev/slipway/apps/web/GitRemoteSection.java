package dev.slipway.apps.web;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;

import org.springframework.stereotype.Component;

/** The overview's instructions for deploying with git. */
@Component
class GitRemoteSection implements AppPageSection<GitRemoteSection.View> {

	@Override
	public AppTab tab() {
		return AppTab.OVERVIEW;
	}

	@Override
	public int order() {
		return 900;
	}

	@Override
	public String fragment() {
		return "apps/sections :: git-remote";
	}

	@Override
	public View model(App app, Flashed flashed) {
		return new View(GitRemote.url(app.name()));
	}

	public record View(String gitUrl) {
	}

}
