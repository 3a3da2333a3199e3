package dev.slipway.disk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.slipway.disk.DiskUsage;
import dev.slipway.identity.UserPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/disk}: for admins, what each app takes on disk. */
@RestController
class DiskApiController {

	/** Each app's amounts by measure: bytes, or rows for counts. */
	record AppDiskUse(String app, Map<String, Long> use) {
	}

	record DiskUseResource(List<String> bytes, List<String> counts, List<AppDiskUse> apps) {
	}

	private final DiskUsage disk;

	DiskApiController(DiskUsage disk) {
		this.disk = disk;
	}

	@GetMapping("/api/disk")
	DiskUseResource show(@AuthenticationPrincipal UserPrincipal user) {
		DiskUsage.Report report = disk.report(user);
		List<DiskUsage.Measure> measures = report.measures();
		List<AppDiskUse> apps = report.apps().stream().map(app -> {
			Map<String, Long> use = new LinkedHashMap<>();
			for (int i = 0; i < measures.size(); i++) {
				use.put(key(measures.get(i)), app.amounts().get(i));
			}
			return new AppDiskUse(app.app(), use);
		}).toList();
		return new DiskUseResource(measures.stream().filter(DiskUsage.Measure::bytes).map(DiskApiController::key).toList(),
				measures.stream().filter(measure -> !measure.bytes()).map(DiskApiController::key).toList(), apps);
	}

	/** "Build output" becomes build_output, as the API's other names. */
	private static String key(DiskUsage.Measure measure) {
		return measure.label().toLowerCase().replace(' ', '_');
	}

}
