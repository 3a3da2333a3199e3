package dev.slipway.apps.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPagePart;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;
import dev.slipway.identity.StreamGuard;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

/** The app page's change stream names a part when a change event for its app finds the part changed, and only then. */
class PartChangesTest {

	private static final long APP_ID = 7;

	/** What the dynos part shows; its stamp changes with it. */
	private final AtomicInteger dynos = new AtomicInteger();

	private final AppPagePart<Integer> part = new AppPagePart<>(new AppPageFragment("runtime/sections", "dynos-table"),
			app -> dynos.get());

	private final App app = Mockito.mock(App.class);

	private final PartChanges changes = new PartChanges(Runnable::run);

	private final MockMvc mvc = mvc();

	private MockMvc mvc() {
		Mockito.when(app.id()).thenReturn(APP_ID);
		AppService apps = Mockito.mock(AppService.class);
		Mockito.when(apps.require("my-app", null)).thenReturn(app);
		AppsPageController controller = new AppsPageController(apps, List.of(new Dynos()), Optional.empty(), changes,
				Mockito.mock(StreamGuard.class));
		return MockMvcBuilders.standaloneSetup(controller)
			.setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver())
			.build();
	}

	@Test
	void aChangeEventForTheAppNamesThePartThatChanged() throws Exception {
		MvcResult stream = follow(part.version(app));

		dynos.incrementAndGet();
		assertThat(stream.getResponse().getContentAsString()).as("nothing compares stamps without an event").isEmpty();

		changes.changed(() -> APP_ID + 1);
		assertThat(stream.getResponse().getContentAsString()).as("another app's change").isEmpty();

		changes.changed(() -> APP_ID);
		assertThat(stream.getResponse().getContentAsString()).isEqualTo("event:changed\ndata:dynos\n\n");

		changes.changed(() -> APP_ID);
		assertThat(stream.getResponse().getContentAsString()).as("the part did not change again")
			.isEqualTo("event:changed\ndata:dynos\n\n");
	}

	@Test
	void aPartThatChangedBeforeTheStreamOpenedIsNamedAtOnce() throws Exception {
		String shown = part.version(app);
		dynos.incrementAndGet();

		MvcResult stream = follow(shown);

		assertThat(stream.getResponse().getContentAsString()).isEqualTo("event:changed\ndata:dynos\n\n");
	}

	private MvcResult follow(String version) throws Exception {
		return mvc.perform(get("/apps/my-app/parts/changes").param("dynos", version))
			.andExpect(request().asyncStarted())
			.andReturn();
	}

	/** A section with one live part, as the dynos section has. */
	private final class Dynos implements AppPageSection<Integer> {

		@Override
		public Slot slot() {
			return new Slot(AppTab.OVERVIEW, 0, new AppPageFragment("runtime/sections", "dynos"));
		}

		@Override
		public Integer model(App app, Flashed flashed) {
			return dynos.get();
		}

		@Override
		public Map<String, AppPagePart<?>> parts() {
			return Map.of("dynos", part);
		}

	}

}
