package dev.slipway.bench;

import java.time.Duration;
import java.util.UUID;

import dev.slipway.test.GitProject;
import dev.slipway.test.SlipwayUnderTest;

/**
 * Measures what the dependency cache saves: a cold build of a Maven app (a new app whose POM no build
 * has seen, so neither Docker's layer cache nor a saved cache helps and every dependency comes from
 * Maven Central), then the same app after one dependency is added (the install step starts from the
 * saved cache and downloads only the new one), then a code-only change (Docker's layer cache). Each is
 * the time of the whole {@code git push}, from the first byte sent to the release serving. Prints the
 * numbers; asserts nothing.
 */
public final class DependencyCacheBenchmark {

	private DependencyCacheBenchmark() {
	}

	public static void main(String[] args) {
		SlipwayUnderTest slipway = SlipwayUnderTest.dedicated("slipway-bench", 8900);
		run(slipway);
		System.exit(0);
	}

	static void run(SlipwayUnderTest slipway) {
		String app = slipway.createApp("deps");
		GitProject project = GitProject.sample("java-maven")
			.replace("pom.xml", "<properties>", "<properties>\n    <bench.run>" + UUID.randomUUID() + "</bench.run>")
			.commit("A POM no build has seen");
		Duration cold = push(slipway, project, app);
		project.replace("pom.xml", "  <dependencies>\n", """
				  <dependencies>
				    <dependency>
				      <groupId>org.apache.commons</groupId>
				      <artifactId>commons-text</artifactId>
				      <version>1.13.0</version>
				    </dependency>
				""").commit("One more dependency");
		Duration dependencyChange = push(slipway, project, app);
		project.replace("src/main/java/demo/Hello.java", "java dyno=", "java (changed) dyno=").commit("Code only");
		Duration codeOnly = push(slipway, project, app);
		System.out.printf("Maven app, git push to released: cold %.1f s; one dependency added %.1f s (%.2f x cold); "
				+ "code-only change %.1f s (%.2f x cold)%n", seconds(cold), seconds(dependencyChange),
				seconds(dependencyChange) / seconds(cold), seconds(codeOnly), seconds(codeOnly) / seconds(cold));
	}

	private static Duration push(SlipwayUnderTest slipway, GitProject project, String app) {
		GitProject.Push push = project.push(slipway, app, slipway.adminToken());
		if (!push.succeeded()) {
			throw new IllegalStateException(push.toString());
		}
		return push.duration();
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}
