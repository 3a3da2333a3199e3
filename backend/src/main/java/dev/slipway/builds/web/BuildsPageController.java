package dev.slipway.builds.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.builds.Build;
import dev.slipway.builds.BuildService;
import dev.slipway.builds.BuildpackSelection;
import dev.slipway.builds.OutputLine;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A build's page with its output, followed live while it runs, and the buildpack setting's form. */
@Controller
@RequestMapping("/apps/{appName}")
class BuildsPageController {

	static final Duration HEARTBEAT = Duration.ofSeconds(20);

	private final AppService apps;

	private final BuildService builds;

	private final BuildpackSelection selection;

	private final TaskExecutor executor;

	BuildsPageController(AppService apps, BuildService builds, BuildpackSelection selection,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		this.apps = apps;
		this.builds = builds;
		this.selection = selection;
		this.executor = executor;
	}

	@GetMapping("/builds/{id}")
	String build(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName, @PathVariable long id,
			Model model) {
		App app = apps.require(appName, user);
		Build build = builds.require(app, id);
		model.addAttribute("app", app);
		model.addAttribute("tab", "activity");
		model.addAttribute("build", build);
		model.addAttribute("output", builds.output(build));
		return "build/build";
	}

	/** Server-sent events: each line with its number as the event id, so a reconnect resumes where it left off. */
	@GetMapping(path = "/builds/{id}/stream", produces = "text/event-stream")
	SseEmitter stream(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName, @PathVariable long id,
			@RequestHeader(name = "Last-Event-ID", required = false) Integer lastEventId,
			@RequestParam(defaultValue = "0") int after) {
		App app = apps.require(appName, user);
		Build build = builds.require(app, id);
		SseEmitter emitter = new SseEmitter(0L);
		BlockingQueue<OutputLine> lines = new LinkedBlockingQueue<>();
		builds.follow(build, lastEventId != null ? lastEventId : after, lines);
		executor.execute(() -> {
			try {
				while (true) {
					switch (lines.poll(HEARTBEAT.toSeconds(), TimeUnit.SECONDS)) {
						case null -> emitter.send(SseEmitter.event().comment("heartbeat"));
						case OutputLine.Line line ->
							emitter.send(SseEmitter.event().id(String.valueOf(line.number())).data(line.text()));
						case OutputLine.End end -> {
							emitter.send(SseEmitter.event().name("end").data(builds.require(app, id)
								.status()
								.name()
								.toLowerCase()));
							emitter.complete();
							return;
						}
					}
				}
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				builds.unfollow(build, lines);
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
