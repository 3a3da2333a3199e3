package dev.slipway.runtime.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.StreamGuard;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.runtime.DeployFailed;
import dev.slipway.runtime.Dyno;
import dev.slipway.runtime.DynoRuntime;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/** {@code /api/apps/<app>/dynos}: list dynos, run one-off commands, restart them all. */
@RestController
@RequestMapping("/api/apps/{appName}/dynos")
class DynosApiController {

	static final Duration ATTACHED_LIMIT = Duration.ofHours(1);

	private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record DynoResource(String name, String type, String state, int release, Instant since, int restarts, String size,
			Integer lastExitCode) {

		static DynoResource of(Dyno dyno) {
			return new DynoResource(dyno.name(), dyno.processType(), dyno.state().label(), dyno.release(), dyno.since(),
					dyno.restarts(), dyno.size(), dyno.lastExitCode());
		}

	}

	record RunCommand(String command, Boolean attach) {
	}

	private final AppService apps;

	private final DynoRuntime runtime;

	private final TaskExecutor executor;

	private final StreamGuard guard;

	DynosApiController(AppService apps, DynoRuntime runtime,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor,
			StreamGuard guard) {
		this.apps = apps;
		this.runtime = runtime;
		this.executor = executor;
		this.guard = guard;
	}

	@GetMapping
	List<DynoResource> list(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName) {
		return runtime.dynos(apps.require(appName, user)).stream().map(DynoResource::of).toList();
	}

	/**
	 * Runs a command in a one-off dyno. Attached, the response streams its output as text and ends with
	 * its exit status (or ends early, saying so, once the token is revoked); detached, it answers at
	 * once and the output goes to the app's logs.
	 */
	@PostMapping
	ResponseEntity<ResponseBodyEmitter> run(@AuthenticationPrincipal UserPrincipal user,
			@PathVariable String appName, @RequestBody RunCommand request, HttpServletRequest http) {
		App app = apps.require(appName, user);
		ResponseBodyEmitter emitter = new ResponseBodyEmitter(0L);
		if (!Boolean.TRUE.equals(request.attach())) {
			String started = JSON.writeValueAsString(Map.of("dyno", runtime.runDetached(app, request.command()), "attach", false));
			executor.execute(() -> send(emitter, started, MediaType.APPLICATION_JSON, true));
			return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).body(emitter);
		}
		if (request.command() == null || request.command().isBlank()) {
			throw SlipwayException.invalid("invalid_command", "Give a command to run, such as \"ls\".");
		}
		runtime.requireDeployed(app);
		guard.guard(http, emitter);
		executor.execute(() -> {
			try {
				int status = runtime.runAttached(app, request.command(), line -> send(emitter, line + "\n", TEXT, false),
						ATTACHED_LIMIT);
				send(emitter, "Process exited with status " + status + "\n", TEXT, true);
			}
			catch (RuntimeException ex) {
				send(emitter, ex.getMessage() + "\n", TEXT, true);
			}
		});
		return ResponseEntity.ok().contentType(TEXT).body(emitter);
	}

	/** Sends a piece of the answer at once; a client that went away just stops receiving. */
	private static void send(ResponseBodyEmitter emitter, String text, MediaType type, boolean last) {
		try {
			emitter.send(text, type);
			if (last) {
				emitter.complete();
			}
		}
		catch (IOException | IllegalStateException ex) {
			emitter.completeWithError(ex);
		}
	}

	/** Restarts every dyno, web without downtime, as {@code heroku restart} does. */
	@DeleteMapping
	ResponseEntity<Map<String, String>> restart(@AuthenticationPrincipal UserPrincipal user,
			@PathVariable String appName) {
		App app = apps.require(appName, user);
		try {
			runtime.restart(app);
		}
		catch (DeployFailed ex) {
			throw SlipwayException.conflict("restart_failed", ex.getMessage());
		}
		return ResponseEntity.accepted().body(Map.of("status", "restarted"));
	}

}
