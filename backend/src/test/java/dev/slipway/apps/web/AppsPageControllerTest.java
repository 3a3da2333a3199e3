package dev.slipway.apps.web;

import java.util.List;
import java.util.Optional;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;
import dev.slipway.identity.StreamGuard;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;

class AppsPageControllerTest {

	/** Shows an editable text the way the config vars' bulk editor does: the saved value unless the request has one. */
	static class EditableText implements AppPageSection<EditableText.View> {

		@Override
		public Slot slot() {
			return new Slot(AppTab.SETTINGS, 0, new AppPageFragment("config/sections", "config-vars"));
		}

		@Override
		public View model(App app, Flashed flashed) {
			return new View("A=1", flashed.text("envText").orElse("A=1"));
		}

		record View(String saved, String envText) {
		}

	}

	private final App app = Mockito.mock(App.class);

	private final AppsPageController controller = controller();

	private AppsPageController controller() {
		AppService apps = Mockito.mock(AppService.class);
		Mockito.when(apps.require("my-app", null)).thenReturn(app);
		return new AppsPageController(apps, List.of(new EditableText()), Optional.empty(), new PartChanges(Runnable::run),
				Mockito.mock(StreamGuard.class));
	}

	@Test
	void aFlashedFormValueSurvivesTheSectionsFillingThePage() {
		ExtendedModelMap model = new ExtendedModelMap();
		// What the redirect after a refused bulk edit brings along as flash attributes.
		model.addAttribute("configError", "Line 1 of the .env text has no '='.");
		model.addAttribute("envText", "A=1\nnot an assignment");

		assertThat(controller.tab(null, "my-app", "settings", model)).isEqualTo("apps/tab");

		assertThat(shown(model).envText()).isEqualTo("A=1\nnot an assignment");
		assertThat(model.getAttribute("configError")).isEqualTo("Line 1 of the .env text has no '='.");
		assertThat(shown(model).saved()).isEqualTo("A=1");
	}

	@Test
	void withoutAFlashedValueTheSectionShowsTheSavedOne() {
		ExtendedModelMap model = new ExtendedModelMap();

		controller.tab(null, "my-app", "settings", model);

		assertThat(shown(model).envText()).isEqualTo("A=1");
	}

	/** What the page hands the one section's fragment. */
	private static EditableText.View shown(ExtendedModelMap model) {
		List<?> sections = (List<?>) model.getAttribute("sections");
		return (EditableText.View) ((AppsPageController.SectionView) sections.getFirst()).model();
	}

}
