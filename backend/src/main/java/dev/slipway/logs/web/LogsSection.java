package dev.slipway.logs.web;

import java.util.List;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;
import dev.slipway.logs.LogSource;

import org.springframework.stereotype.Component;

/** The logs tab's live viewer, with its filters; the lines come from {@link LogsPageController}'s stream. */
@Component
class LogsSection implements AppPageSection<LogsSection.View> {

	@Override
	public Slot slot() {
		return new Slot(AppTab.LOGS, 100, new AppPageFragment("logs/logs", "logs"));
	}

	@Override
	public View model(App app, Flashed flashed) {
		return new View(List.of(LogSource.values()));
	}

	public record View(List<LogSource> sources) {
	}

}
