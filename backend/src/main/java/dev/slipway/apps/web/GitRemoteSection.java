package dev.slipway.apps.web;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;

import org.springframework.stereotype.Component;

/** The overview's instructions for deploying with git. */
@Component
class GitRemoteSection implements AppPageSection<GitRemoteSection.View> {

	@Override
	public Slot slot() {
		return new Slot(AppTab.OVERVIEW, 900, new AppPageFragment("apps/sections", "git-remote"));
	}

	@Override
	public View model(App app, Flashed flashed) {
		return new View(GitRemote.url(app.name()));
	}

	public record View(String gitUrl) {
	}

}
