package dev.slipway.builds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every buildpack's code and its folder are one unit, matched by the folder's id: each contributor
 * serves a built-in folder, and every built-in folder whose template needs more than the stack has one.
 */
class BuildpackContributorsTest {

	/** Folders whose templates need nothing but {@code {{stack}}}, or that have none. */
	private static final List<String> DATA_ONLY = List.of("dockerfile", "procfile");

	@Test
	void everyContributorServesABuiltInFolderAndEveryFolderWithVariablesHasOne() throws Exception {
		List<String> folders = new BuildpackCatalog(new BuildSettings(Duration.ofMinutes(15), DataSize.ofGigabytes(2), null, 2048))
			.all()
			.stream()
			.map(Buildpack::id)
			.toList();
		List<String> contributed = contributors().stream().map(BuildpackContributor::buildpackId).toList();

		assertThat(contributed).doesNotHaveDuplicates().allMatch(folders::contains);
		assertThat(folders).allMatch(id -> contributed.contains(id) || DATA_ONLY.contains(id));
		assertThat(contributed).containsAll(List.of("java-maven", "java-gradle", "node", "python", "ruby", "go", "php", "static"));
	}

	/** The contributor classes on the classpath; buildpackId() answers a constant, so no dependencies are needed. */
	private static List<BuildpackContributor> contributors() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(BuildpackContributor.class));
		List<BuildpackContributor> contributors = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("dev.slipway")) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), null);
			contributors.add((BuildpackContributor) Mockito.mock(type, Mockito.CALLS_REAL_METHODS));
		}
		return contributors;
	}

}
