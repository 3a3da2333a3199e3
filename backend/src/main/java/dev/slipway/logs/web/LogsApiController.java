package dev.slipway.logs.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.identity.StreamGuard;
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
 * {@code heroku logs -t}, for curl and a token). A tail sends an empty line after {@link #HEARTBEAT}
 * without a log line, so proxies keep the connection open and a client that went away is noticed; it
 * ends, with a last line saying why, once its token is revoked.
 */
@RestController
class LogsApiController {

	static final int DEFAULT_LINES = 100;

	/** How long a tail stays quiet at most: a text client shows an empty line, which every tool takes. */
	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	private final AppService apps;

	private final AppLogs logs;

	private final TaskExecutor executor;

	private final StreamGuard guard;

	LogsApiController(AppService apps, AppLogs logs, @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor,
			StreamGuard guard) {
		this.apps = apps;
		this.logs = logs;
		this.executor = executor;
		this.guard = guard;
	}

	@GetMapping(path = "/api/apps/{appName}/logs", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<ResponseBodyEmitter> logs(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@ModelAttribute LogRequest request, @RequestParam(required = false) Integer lines,
			@RequestParam(defaultValue = "false") boolean tail, HttpServletRequest http) {
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
		guard.guard(http, emitter);
		executor.execute(() -> {
			try (follower) {
				while (true) {
					List<LogLine> next = follower.next(HEARTBEAT.toMillis());
					emitter.send(next.isEmpty() ? "\n" : text(next), TEXT);
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
