package dev.slipway.builds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The buildpacks Slipway knows, in detection order: the built-in folders under
 * {@code buildpacks/} (on the classpath) and the operator's own, which replace a built-in one of
 * the same id entirely: its template, and the code that fills in the built-in one's.
 */
@Component
public class BuildpackCatalog {

	private static final Logger log = LoggerFactory.getLogger(BuildpackCatalog.class);

	private final List<Buildpack> buildpacks;

	BuildpackCatalog(BuildSettings settings) {
		Map<String, Buildpack> byId = new LinkedHashMap<>();
		try {
			for (Resource descriptor : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:buildpacks/*/buildpack.yml")) {
				Buildpack buildpack = read(descriptor, true);
				byId.putIfAbsent(buildpack.id(), buildpack);
			}
			Path userFolder = settings.userBuildpacks();
			if (userFolder != null && Files.isDirectory(userFolder)) {
				try (Stream<Path> folders = Files.list(userFolder)) {
					for (Path folder : folders.filter(f -> Files.exists(f.resolve("buildpack.yml"))).toList()) {
						Buildpack buildpack = read(new FileSystemResource(folder.resolve("buildpack.yml")), false);
						log.info("Buildpack {} from {}", buildpack.id(), folder);
						byId.put(buildpack.id(), buildpack);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the buildpacks", ex);
		}
		this.buildpacks = byId.values().stream().sorted(Comparator.comparingInt(Buildpack::order)).toList();
	}

	/** All buildpacks, in the order detection tries them. */
	public List<Buildpack> all() {
		return buildpacks;
	}

	/** The buildpack with this id or alias (such as {@code heroku/nodejs}). */
	public Optional<Buildpack> find(String idOrAlias) {
		String wanted = idOrAlias == null ? "" : idOrAlias.strip();
		return buildpacks.stream().filter(buildpack -> buildpack.answersTo(wanted)).findFirst();
	}

	/** The first buildpack whose detection rule matches the pushed files. */
	Optional<Buildpack> detect(SourceTree source) {
		return buildpacks.stream().filter(buildpack -> buildpack.detects(source)).findFirst();
	}

	/** Every file detection looks for, for the message when nothing matches. */
	List<String> detectedFiles() {
		return List.copyOf(buildpacks.stream()
			.flatMap(buildpack -> buildpack.detectAny().stream())
			.collect(Collectors.toCollection(LinkedHashSet::new)));
	}

	@SuppressWarnings("unchecked")
	private static Buildpack read(Resource descriptor, boolean builtIn) throws IOException {
		Map<String, Object> yaml;
		try (InputStream in = descriptor.getInputStream()) {
			yaml = new Yaml().load(in);
		}
		String url = descriptor.getURL().toString();
		String folder = url.substring(0, url.lastIndexOf('/'));
		String id = folder.substring(folder.lastIndexOf('/') + 1);
		Map<String, Object> detect = (Map<String, Object>) yaml.getOrDefault("detect", Map.of());
		Resource template = descriptor.createRelative("Dockerfile.mustache");
		String templateText = null;
		if (template.exists()) {
			try (InputStream in = template.getInputStream()) {
				templateText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		else if (!Buildpack.DOCKERFILE.equals(id)) {
			throw new IllegalStateException("The buildpack " + id + " has no Dockerfile.mustache");
		}
		Object memoryDefaults = yaml.get("memory_defaults");
		if (memoryDefaults != null && !Buildpack.MEMORY_DEFAULTS.contains(String.valueOf(memoryDefaults))) {
			throw new IllegalStateException("The buildpack " + id + " has memory_defaults: " + memoryDefaults
					+ "; it may be one of " + Buildpack.MEMORY_DEFAULTS.stream().sorted().toList() + " or left out");
		}
		return new Buildpack(id, (String) yaml.getOrDefault("name", id), ((Number) yaml.getOrDefault("order", 1000)).intValue(),
				strings(detect.get("any")), strings(yaml.get("aliases")), Boolean.TRUE.equals(yaml.get("jvm")),
				(Map<String, String>) yaml.getOrDefault("default_process_types", Map.of()), templateText,
				memoryDefaults == null ? null : String.valueOf(memoryDefaults), builtIn);
	}

	private static List<String> strings(Object value) {
		if (value == null) {
			return List.of();
		}
		List<String> strings = new ArrayList<>();
		((List<?>) value).forEach(item -> strings.add(String.valueOf(item)));
		return List.copyOf(strings);
	}

}
