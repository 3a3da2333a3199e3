package dev.slipway.apps.web;

import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;

import org.springframework.stereotype.Component;

/** The overview's instructions for deploying with git. */
@Component
class GitRemoteSection implements AppPageSection {

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
	public void populate(App app, Map<String, Object> model) {
		model.put("gitUrl", GitRemote.url(app.name()));
	}

}
