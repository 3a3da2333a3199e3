package dev.slipway.builds.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.builds.Build;
import dev.slipway.builds.BuildService;
import dev.slipway.builds.BuildpackSelection;
import dev.slipway.builds.OutputLine;
import dev.slipway.builds.OutputPage;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.StreamGuard;
import dev.slipway.identity.UserPrincipal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A build's page with its output, followed live while it runs, and the buildpack setting's form. */
@Controller
@RequestMapping("/apps/{appName}")
class BuildsPageController {

	static final Duration HEARTBEAT = Duration.ofSeconds(20);

	/** The page shows the output's end; the rest is a link away. */
	static final int SHOWN_LINES = 1000;

	private final AppService apps;

	private final BuildService builds;

	private final BuildpackSelection selection;

	private final TaskExecutor executor;

	private final StreamGuard guard;

	BuildsPageController(AppService apps, BuildService builds, BuildpackSelection selection,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor,
			StreamGuard guard) {
		this.apps = apps;
		this.builds = builds;
		this.selection = selection;
		this.executor = executor;
		this.guard = guard;
	}

	@GetMapping("/builds/{id}")
	String build(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName, @PathVariable long id,
			Model model) {
		App app = apps.require(appName, user);
		Build build = builds.require(app, id);
		model.addAttribute("app", app);
		model.addAttribute("tab", "activity");
		model.addAttribute("build", build);
		model.addAttribute("output", builds.outputTail(build, SHOWN_LINES));
		model.addAttribute("outputExpiry", builds.outputExpiry(build).orElse(null));
		return "build/build";
	}

	/** The whole output as text, for what the page leaves out. */
	@GetMapping("/builds/{id}/output")
	ResponseEntity<StreamingResponseBody> output(@AuthenticationPrincipal UserPrincipal user,
			@PathVariable String appName, @PathVariable long id) {
		return BuildOutputText.of(builds, builds.require(apps.require(appName, user), id));
	}

	/**
	 * Server-sent events: each line with its number as the event id, so a reconnect resumes where it left
	 * off. Lines are read a page at a time, so a follower far behind holds one page, not the output.
	 */
	@GetMapping(path = "/builds/{id}/stream", produces = "text/event-stream")
	SseEmitter stream(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName, @PathVariable long id,
			@RequestHeader(name = "Last-Event-ID", required = false) Integer lastEventId,
			@RequestParam(defaultValue = "0") int after, HttpServletRequest http) {
		App app = apps.require(appName, user);
		Build build = builds.require(app, id);
		SseEmitter emitter = new SseEmitter(0L);
		guard.guard(http, emitter);
		executor.execute(() -> {
			try {
				int sent = lastEventId != null ? lastEventId : after;
				while (true) {
					OutputPage page = builds.output(build, sent, BuildOutputText.PAGE);
					for (OutputLine line : page.lines()) {
						emitter.send(SseEmitter.event().id(String.valueOf(line.number())).data(line.text()));
					}
					sent = page.lastNumber(sent);
					if (page.ended()) {
						emitter.send(SseEmitter.event()
							.name("end")
							.data(builds.require(app, id).status().name().toLowerCase()));
						emitter.complete();
						return;
					}
					if (page.lines().isEmpty() && !builds.awaitOutput(build, sent, HEARTBEAT)) {
						emitter.send(SseEmitter.event().comment("heartbeat"));
					}
				}
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		return emitter;
	}

	@PostMapping("/buildpack")
	String setBuildpack(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@RequestParam(defaultValue = "") String buildpack, RedirectAttributes flash) {
		App app = apps.require(appName, user);
		try {
			if (buildpack.isBlank()) {
				selection.detectAutomatically(app);
				flash.addFlashAttribute("notice", "The next push detects its buildpack.");
			}
			else {
				flash.addFlashAttribute("notice",
						"The next push builds with " + selection.force(app, buildpack).name() + ".");
			}
		}
		catch (SlipwayException ex) {
			flash.addFlashAttribute("buildpackError", ex.getMessage());
		}
		return "redirect:/apps/" + app.name() + "/settings";
	}

}
