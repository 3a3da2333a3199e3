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

	private final GitRemote remote;

	GitRemoteSection(GitRemote remote) {
		this.remote = remote;
	}

	@Override
	public Slot slot() {
		return new Slot(AppTab.OVERVIEW, 900, new AppPageFragment("apps/sections", "git-remote"));
	}

	@Override
	public View model(App app, Flashed flashed) {
		return new View(remote.url(app.name()));
	}

	public record View(String gitUrl) {
	}

}
