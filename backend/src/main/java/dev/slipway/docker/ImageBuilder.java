package dev.slipway.docker;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.model.BuildResponseItem;

import org.springframework.stereotype.Component;

/** Builds images with Docker's classic builder, passing each output line on as it arrives. */
@Component
public class ImageBuilder {

	private final DockerClients docker;

	ImageBuilder(DockerClients docker) {
		this.docker = docker;
	}

	/** Starts a build from a tar of its context; {@code output} receives each line Docker prints. */
	public ImageBuild start(InputStream context, ImageBuildRequest request, Consumer<String> output) {
		BuildImageCmd command = docker.builds(request.cgroupParent())
			.buildImageCmd(context)
			.withTags(request.tags())
			.withLabels(request.labels())
			.withPull(false)
			.withRemove(true)
			.withForcerm(true)
			.withDockerfilePath(request.dockerfile());
		if (request.target() != null) {
			command.withTarget(request.target());
		}
		request.buildArgs().forEach(command::withBuildArg);
		if (request.cpuset() != null) {
			command.withCpusetcpus(request.cpuset());
		}
		if (request.network() != null) {
			command.withNetworkMode(request.network());
		}
		if (request.memoryBytes() > 0) {
			command.withMemory(request.memoryBytes()).withMemswap(request.memoryBytes());
		}
		LineBuffer lines = new LineBuffer(output);
		BuildImageResultCallback callback = command.exec(new BuildImageResultCallback() {
			@Override
			public void onNext(BuildResponseItem item) {
				if (item.getStream() != null) {
					lines.append(item.getStream());
				}
				super.onNext(item);
			}

			@Override
			public void onComplete() {
				lines.flush();
				super.onComplete();
			}

			@Override
			public void onError(Throwable throwable) {
				lines.flush();
				super.onError(throwable);
			}
		});
		return new ImageBuild(callback);
	}

	/** A build under way. */
	public static final class ImageBuild {

		private final BuildImageResultCallback callback;

		private ImageBuild(BuildImageResultCallback callback) {
			this.callback = callback;
		}

		/** The id of the built image; {@link ImageBuildFailed} when Docker reports an error or time runs out. */
		public String awaitImageId(Duration timeout) {
			boolean finished;
			try {
				finished = callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				cancel();
				throw new ImageBuildFailed("The build was interrupted", false, ex);
			}
			if (!finished) {
				cancel();
				throw new ImageBuildFailed("The build did not finish within " + timeout.toMinutes() + " min", true, null);
			}
			try {
				return callback.awaitImageId();
			}
			catch (DockerClientException ex) {
				throw new ImageBuildFailed(ex.getMessage().replaceFirst("^Could not build image: ", ""), false, ex);
			}
		}

		/** Stops the build: closing the stream makes Docker abandon it. */
		public void cancel() {
			try {
				callback.close();
			}
			catch (Exception ignored) {
				// Already closed or the connection is gone; either way the build is over.
			}
		}

	}

}
