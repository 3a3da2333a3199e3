package dev.slipway.logs.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.identity.StreamGuard;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.logs.AppLogs;
import dev.slipway.logs.LogFollower;
import dev.slipway.logs.LogLine;
import dev.slipway.logs.LogSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The app's live log feed, which {@link LogsSection}'s viewer follows: server-sent events whose ids are the
 * lines' sequence numbers, so a reconnect with Last-Event-ID gets exactly the lines it missed, with heartbeats.
 * It ends once the session that opened it is no longer valid.
 */
@Controller
@RequestMapping("/apps/{appName}/logs")
class LogsPageController {

	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	static final int DEFAULT_TAIL = 500;

	private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	private final AppService apps;

	private final AppLogs logs;

	private final TaskExecutor executor;

	private final StreamGuard guard;

	LogsPageController(AppService apps, AppLogs logs, @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor,
			StreamGuard guard) {
		this.apps = apps;
		this.logs = logs;
		this.executor = executor;
		this.guard = guard;
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@ModelAttribute LogRequest request, @RequestParam(required = false) Integer tail,
			@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId, HttpServletRequest http) {
		App app = apps.require(appName, user);
		LogFollower follower = logs.follow(app.id(), request.filter(), lastEventId,
				LogRequest.lines(tail, DEFAULT_TAIL));
		SseEmitter emitter = new SseEmitter(0L);
		guard.guard(http, emitter);
		executor.execute(() -> {
			try (follower) {
				emitter.send(SseEmitter.event().comment("following " + app.name()));
				while (true) {
					List<LogLine> lines = follower.next(HEARTBEAT.toMillis());
					if (lines.isEmpty()) {
						emitter.send(SseEmitter.event().comment("heartbeat"));
					}
					else {
						emitter.send(Set.of(new DataWithMediaType(events(lines), TEXT)));
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
		return emitter;
	}

	/**
	 * The lines as events, written and flushed at once: one flush a line cannot keep up with a burst.
	 * A line has no line break (the log splits text into lines), so each is one data field.
	 */
	private static String events(List<LogLine> lines) {
		StringBuilder events = new StringBuilder(lines.size() * 120);
		for (LogLine line : lines) {
			events.append("id:").append(line.seq()).append("\ndata:").append(line.format()).append("\n\n");
		}
		return events.toString();
	}

	@GetMapping(path = "/download", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<StreamingResponseBody> download(@AuthenticationPrincipal UserPrincipal user,
			@PathVariable String appName, @ModelAttribute LogRequest request,
			@RequestParam(required = false) Integer lines) {
		App app = apps.require(appName, user);
		List<LogLine> recent = logs.recent(app.id(), request.filter(), LogRequest.lines(lines, LogRequest.MAX_LINES));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + app.name() + ".log\"")
			.contentType(TEXT)
			.body(out -> {
				Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				for (LogLine line : recent) {
					writer.write(line.format());
					writer.write('\n');
				}
				writer.flush();
			});
	}

}
