package dev.slipway.logs.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.logs.AppLogs;
import dev.slipway.logs.LogFollower;
import dev.slipway.logs.LogLine;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * {@code GET /api/apps/<app>/logs?lines=N&source=&process=&dyno=&q=&tail=true}: the app's log as text,
 * the last N lines, and with {@code tail=true} every new line as it comes (Slipway's
 * {@code heroku logs -t}, for curl and a token).
 */
@RestController
class LogsApiController {

	static final int DEFAULT_LINES = 100;

	private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	private final AppService apps;

	private final AppLogs logs;

	private final TaskExecutor executor;

	LogsApiController(AppService apps, AppLogs logs, @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		this.apps = apps;
		this.logs = logs;
		this.executor = executor;
	}

	@GetMapping(path = "/api/apps/{appName}/logs", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<ResponseBodyEmitter> logs(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@ModelAttribute LogRequest request, @RequestParam(required = false) Integer lines,
			@RequestParam(defaultValue = "false") boolean tail) {
		App app = apps.require(appName, user);
		int count = LogRequest.lines(lines, DEFAULT_LINES);
		ResponseBodyEmitter emitter = new ResponseBodyEmitter(0L);
		if (!tail) {
			List<LogLine> recent = logs.recent(app.id(), request.filter(), count);
			executor.execute(() -> {
				try {
					emitter.send(text(recent), TEXT);
					emitter.complete();
				}
				catch (IOException ex) {
					emitter.completeWithError(ex);
				}
			});
			return ResponseEntity.ok().contentType(TEXT).body(emitter);
		}
		LogFollower follower = logs.follow(app.id(), request.filter(), null, count);
		executor.execute(() -> {
			try (follower) {
				while (true) {
					List<LogLine> next = follower.next(15_000);
					if (!next.isEmpty()) {
						emitter.send(text(next), TEXT);
					}
				}
			}
			catch (IOException | IllegalStateException disconnected) {
				emitter.completeWithError(disconnected);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				emitter.complete();
			}
		});
		return ResponseEntity.ok().contentType(TEXT).body(emitter);
	}

	private static String text(List<LogLine> lines) {
		StringBuilder text = new StringBuilder();
		lines.forEach(line -> text.append(line.format()).append('\n'));
		return text.toString();
	}

}
