package dev.slipway.config.web;

import java.util.HashMap;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.config.ConfigService;
import dev.slipway.config.ConfigUpdate;
import dev.slipway.config.DotEnv;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The settings tab's config forms. A change is checked at once (the page shows why it is refused),
 * then released in the background while the page follows the rollout.
 */
@Controller
@RequestMapping("/apps/{appName}/config-vars")
class ConfigVarsPageController {

	private final AppService apps;

	private final ConfigService config;

	private final ConfigRollouts rollouts;

	private final TaskExecutor executor;

	ConfigVarsPageController(AppService apps, ConfigService config, ConfigRollouts rollouts,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		this.apps = apps;
		this.config = config;
		this.rollouts = rollouts;
		this.executor = executor;
	}

	@PostMapping
	String set(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName, @RequestParam String key,
			@RequestParam(defaultValue = "") String value, RedirectAttributes flash) {
		App app = apps.require(appName, user);
		return apply(app, user, Map.of(key.strip(), value), flash, Map.of("configKey", key, "configValue", value));
	}

	@PostMapping("/remove")
	String remove(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName, @RequestParam String key,
			RedirectAttributes flash) {
		App app = apps.require(appName, user);
		Map<String, String> unset = new HashMap<>();
		unset.put(key, null);
		return apply(app, user, unset, flash, Map.of());
	}

	@PostMapping("/bulk")
	String bulk(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName, @RequestParam String text,
			RedirectAttributes flash) {
		App app = apps.require(appName, user);
		try {
			return apply(app, user, config.replacement(app, DotEnv.parse(text)), flash, Map.of("envText", text));
		}
		catch (SlipwayException ex) {
			flash.addFlashAttribute("configError", ex.getMessage());
			flash.addFlashAttribute("envText", text);
			return "redirect:/apps/" + app.name() + "/settings#config-vars";
		}
	}

	/** Where the last change stands, for the page to follow. */
	@GetMapping("/status")
	@ResponseBody
	ResponseEntity<Map<String, String>> status(@AuthenticationPrincipal UserPrincipal user,
			@PathVariable String appName) {
		App app = apps.require(appName, user);
		return rollouts.of(app.id())
			.map(status -> ResponseEntity
				.ok(Map.of("state", status.state().name().toLowerCase(), "message", status.message())))
			.orElse(ResponseEntity.noContent().build());
	}

	private String apply(App app, UserPrincipal user, Map<String, String> requested, RedirectAttributes flash,
			Map<String, String> keepOnError) {
		try {
			config.check(app, requested);
		}
		catch (SlipwayException ex) {
			flash.addFlashAttribute("configError", ex.getMessage());
			keepOnError.forEach(flash::addFlashAttribute);
			return "redirect:/apps/" + app.name() + "/settings#config-vars";
		}
		rollouts.started(app.id(), "Saving the config and restarting the dynos with it…");
		executor.execute(() -> {
			try {
				ConfigUpdate update = config.update(app, requested, user.email());
				rollouts.finished(app.id(), ConfigRollouts.State.DONE, update.release() != null
						? "Done: v" + update.release().version() + " runs with the new config."
						: update.changed() ? "Saved. The next deploy uses it." : "Nothing changed.");
			}
			catch (RuntimeException ex) {
				rollouts.finished(app.id(), ConfigRollouts.State.FAILED, ex.getMessage());
			}
		});
		return "redirect:/apps/" + app.name() + "/settings#config-vars";
	}

}
