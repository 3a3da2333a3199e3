package dev.slipway.disk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.PruneType;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.slipway.apps.App;
import dev.slipway.apps.AppDeleted;
import dev.slipway.apps.AppService;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Frees Docker's disk: a deleted app's images (builds, releases and dependency caches alike) go with
 * it, and periodically the images of apps that no longer exist, untagged images older than a build
 * can run, and Docker's build cache beyond its size are removed. The images of an app's kept releases
 * are {@code releases}' to prune.
 */
@Component
class ImageCollector {

	/** How long a deleted app's images are tried: its containers may take a while to go. */
	static final Duration DELETE_PATIENCE = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(ImageCollector.class);

	private final DockerClients docker;

	private final InstanceSettings instance;

	private final AppService apps;

	private final DiskSettings settings;

	private final TaskExecutor executor;

	ImageCollector(DockerClients docker, InstanceSettings instance, AppService apps, DiskSettings settings,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		this.docker = docker;
		this.instance = instance;
		this.apps = apps;
		this.settings = settings;
		this.executor = executor;
	}

	/** Once the deletion has committed, in the background: its containers are being removed meanwhile. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void appDeleted(AppDeleted event) {
		executor.execute(() -> removeImagesOf(event));
	}

	private void removeImagesOf(AppDeleted event) {
		long deadline = System.nanoTime() + DELETE_PATIENCE.toNanos();
		try {
			List<Image> left = imagesOf(event);
			while (!left.isEmpty() && System.nanoTime() < deadline) {
				removeAll(left);
				left = imagesOf(event);
				if (!left.isEmpty()) {
					Thread.sleep(2000);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (DockerException ex) {
			log.warn("Removing the images of the deleted app {} failed: {}; the next collection retries",
					event.name(), ex.getMessage());
		}
	}

	/** Images of the app by its id, and by name those built before images carried the id. */
	private List<Image> imagesOf(AppDeleted event) {
		return images().stream().filter(image -> {
			Map<String, String> labels = image.getLabels();
			String appId = labels.get(SlipwayLabels.APP_ID);
			return appId != null ? appId.equals(String.valueOf(event.appId()))
					: event.name().equals(labels.get(SlipwayLabels.APP));
		}).toList();
	}

	/** At start: images of apps whose deletion committed while Slipway stopped before removing them. */
	@EventListener(ApplicationReadyEvent.class)
	void afterRecovery() {
		executor.execute(() -> {
			try {
				removeOrphans();
			}
			catch (DockerException ex) {
				log.warn("Removing the images of deleted apps failed: {}", ex.getMessage());
			}
		});
	}

	@Scheduled(fixedDelayString = "${slipway.disk.collect-interval:1h}",
			initialDelayString = "${slipway.disk.collect-interval:1h}")
	void collect() {
		try {
			removeOrphans();
			docker.api()
				.pruneCmd(PruneType.IMAGES)
				.withDangling(true)
				.withUntilFilter(settings.danglingImageAge().toSeconds() + "s")
				.exec();
			pruneBuildCache();
		}
		catch (DockerException ex) {
			log.warn("Collecting Docker's garbage failed: {}", ex.getMessage());
		}
	}

	/** Removes the images labelled as this installation's whose app is gone. */
	void removeOrphans() {
		removeAll(orphans());
	}

	private List<Image> orphans() {
		List<App> all = apps.all();
		Set<String> ids = all.stream().map(app -> String.valueOf(app.id())).collect(Collectors.toSet());
		Set<String> names = all.stream().map(App::name).collect(Collectors.toSet());
		return images().stream().filter(image -> {
			Map<String, String> labels = image.getLabels();
			String appId = labels.get(SlipwayLabels.APP_ID);
			String app = labels.get(SlipwayLabels.APP);
			return appId != null ? !ids.contains(appId) : app != null && !names.contains(app);
		}).toList();
	}

	/** This installation's images that belong to an app. */
	List<Image> images() {
		return docker.api()
			.listImagesCmd()
			.withShowAll(false)
			.withLabelFilter(Map.of(SlipwayLabels.INSTANCE, instance.name()))
			.exec()
			.stream()
			.filter(image -> image.getLabels() != null && image.getLabels().containsKey(SlipwayLabels.APP))
			.toList();
	}

	/** Removes the images; one still used by a container stays for a later try. */
	private void removeAll(List<Image> images) {
		for (Image image : images) {
			try {
				docker.api().removeImageCmd(image.getId()).withForce(true).exec();
			}
			catch (NotFoundException ex) {
				// Gone already.
			}
			catch (ConflictException ex) {
				log.debug("The image {} is in use and stays for now", image.getId());
			}
		}
	}

	/** docker-java has no build cache size to keep, so the Engine's API is asked directly. */
	private void pruneBuildCache() {
		DockerHttpClient.Request request = DockerHttpClient.Request.builder()
			.method(DockerHttpClient.Request.Method.POST)
			.path("/build/prune?keep-storage=" + settings.buildCacheSize().toBytes())
			.build();
		try (DockerHttpClient.Response response = docker.streamTransport().execute(request)) {
			if (response.getStatusCode() != 200) {
				log.warn("Pruning Docker's build cache answered {}", response.getStatusCode());
			}
		}
	}

}
