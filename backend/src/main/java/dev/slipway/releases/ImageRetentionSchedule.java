package dev.slipway.releases;

import com.github.dockerjava.api.exception.DockerException;
import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Applies the image retention to every app now and then: an image in use at its release's time goes later. */
@Component
class ImageRetentionSchedule {

	private static final Logger log = LoggerFactory.getLogger(ImageRetentionSchedule.class);

	private final ImageRetention retention;

	private final AppService apps;

	ImageRetentionSchedule(ImageRetention retention, AppService apps) {
		this.retention = retention;
		this.apps = apps;
	}

	@Scheduled(fixedDelayString = "${slipway.disk.collect-interval:1h}",
			initialDelayString = "${slipway.disk.collect-interval:1h}")
	void pruneAll() {
		for (App app : apps.all()) {
			try {
				retention.prune(app);
			}
			catch (DockerException ex) {
				log.warn("Pruning the images of {} failed: {}", app.name(), ex.getMessage());
			}
		}
	}

}
