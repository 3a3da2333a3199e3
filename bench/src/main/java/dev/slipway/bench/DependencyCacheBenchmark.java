package dev.slipway.bench;

import java.time.Duration;
import java.util.UUID;

import dev.slipway.test.GitProject;
import dev.slipway.test.SlipwayUnderTest;

/**
 * Measures what the dependency cache saves, for a Maven app and a Node.js app: a cold build (a new app
 * whose manifest no build has seen, so neither Docker's layer cache nor a saved cache helps and every
 * dependency comes from its registry), then the same app after one dependency is added (the install
 * starts from the saved cache and downloads only the new one), then a code-only change (Docker's layer
 * cache: the floor, no download at all). Each is the time of the whole {@code git push}, from the first
 * byte sent to the release serving. Prints the numbers; asserts nothing.
 */
public final class DependencyCacheBenchmark {

	private DependencyCacheBenchmark() {
	}

	public static void main(String[] args) {
		BenchmarkMain.run(DependencyCacheBenchmark::measure);
	}

	private static void measure() throws Exception {
		SlipwayUnderTest slipway = SlipwayUnderTest.dedicated(System.getProperty("bench.instance", "slipway-bench"),
				Integer.getInteger("bench.router-port", 8900));
		maven(slipway);
		node(slipway);
	}

	static void maven(SlipwayUnderTest slipway) {
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
		report("Maven app", cold, dependencyChange, codeOnly);
	}

	/** Without a lockfile, so adding a dependency is a one-line change, as a user would make it. */
	static void node(SlipwayUnderTest slipway) {
		String app = slipway.createApp("npm");
		String manifest = """
				{
				  "name": "bench-%s",
				  "version": "1.0.0",
				  "private": true,
				  "engines": { "node": "22.x" },
				  "scripts": { "start": "node server.js" },
				  "dependencies": { "express": "4.21.2", "ms": "2.1.3"%s }
				}
				""";
		String run = UUID.randomUUID().toString().substring(0, 8);
		GitProject project = GitProject.sample("node")
			.delete("package-lock.json")
			.write("package.json", manifest.formatted(run, ""))
			.commit("A package.json no build has seen");
		Duration cold = push(slipway, project, app);
		project.write("package.json", manifest.formatted(run, ", \"dayjs\": \"1.11.13\"")).commit("One more dependency");
		Duration dependencyChange = push(slipway, project, app);
		project.replace("server.js", "const VERSION = 'v1'", "const VERSION = 'v2'").commit("Code only");
		Duration codeOnly = push(slipway, project, app);
		report("Node.js app (express)", cold, dependencyChange, codeOnly);
	}

	private static void report(String what, Duration cold, Duration dependencyChange, Duration codeOnly) {
		System.out.printf("%s, git push to released: cold %.1f s; one dependency added %.1f s (%.2f x cold, %.2f x the floor); "
				+ "code-only change, the floor %.1f s (%.2f x cold)%n", what, seconds(cold), seconds(dependencyChange),
				seconds(dependencyChange) / seconds(cold), seconds(dependencyChange) / seconds(codeOnly), seconds(codeOnly),
				seconds(codeOnly) / seconds(cold));
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
