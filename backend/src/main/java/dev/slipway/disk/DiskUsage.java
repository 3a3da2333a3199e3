package dev.slipway.disk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.model.Image;
import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;

import org.springframework.stereotype.Service;

/**
 * What each app takes on disk, as far as it is cheap to measure: its images (their full size, so layers
 * shared between images count in each), and what the features holding its data report.
 */
@Service
public class DiskUsage {

	/** The images column; the others are the sources' labels. */
	public static final String IMAGES = "Images";

	private final AppService apps;

	private final ImageCollector images;

	private final List<DiskUseSource> sources;

	DiskUsage(AppService apps, ImageCollector images, List<DiskUseSource> sources) {
		this.apps = apps;
		this.images = images;
		this.sources = sources;
	}

	/** A measure's heading and whether it counts bytes. */
	public record Measure(String label, boolean bytes) {
	}

	/** One app's use: an amount for each measure, in the order of {@link Report#measures()}. */
	public record AppUse(String app, List<Long> amounts) {
	}

	public record Report(List<Measure> measures, List<AppUse> apps) {
	}

	/** Disk use by app, for admins only. */
	public Report report(UserPrincipal user) {
		if (!user.admin()) {
			throw SlipwayException.forbidden("admin_required", "Only admins see Slipway's disk use.");
		}
		List<App> all = apps.all();
		Map<String, Map<Long, Long>> columns = new LinkedHashMap<>();
		columns.put(IMAGES, imageBytes());
		List<Measure> measures = new ArrayList<>(List.of(new Measure(IMAGES, true)));
		for (DiskUseSource source : sources) {
			columns.put(source.label(), source.byApp(all));
			measures.add(new Measure(source.label(), source.bytes()));
		}
		List<AppUse> uses = all.stream()
			.map(app -> new AppUse(app.name(),
					columns.values().stream().map(column -> column.getOrDefault(app.id(), 0L)).toList()))
			.toList();
		return new Report(List.copyOf(measures), uses);
	}

	private Map<Long, Long> imageBytes() {
		Map<Long, Long> bytes = new HashMap<>();
		for (Image image : images.images()) {
			String appId = image.getLabels().get(SlipwayLabels.APP_ID);
			if (appId != null && image.getSize() != null) {
				bytes.merge(Long.parseLong(appId), image.getSize(), Long::sum);
			}
		}
		return bytes;
	}

}
