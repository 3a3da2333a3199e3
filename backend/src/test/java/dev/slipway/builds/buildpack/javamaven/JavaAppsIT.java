package dev.slipway.builds.buildpack.javamaven;

import java.util.Map;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot app written for Heroku, pushed as it is: Maven wins over the Gradle files beside it, the
 * JDK that system.properties asks for runs it, the Postgres add-on from app.json reaches it through
 * SPRING_DATASOURCE_*, the image holds /app as the build left it (target/ included, no build caches),
 * a Procfile line with a relative jar path works, and a changed POM starts from the saved dependency cache.
 */
class JavaAppsIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void aHerokuSpringBootAppDeploysUnmodified() {
		String app = slipway.createApp("boot");
		GitProject project = GitProject.sample("spring-boot-postgres");
		GitProject.Push push = project.push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		assertThat(push.output()).contains("Java (Maven) app detected (buildpack java-maven)")
			.contains("Using OpenJDK 17 (java.runtime.version=17)")
			.doesNotContain("Restoring the dependency cache");
		assertThat(RouterClient.get(app).body()).as("the default web process, with the add-on's database")
			.contains("boot java=17 database=");

		String javaVersion = slipway.adminApi()
			.post("/api/apps/" + app + "/dynos", Map.of("command", "java -version 2>&1", "attach", true))
			.body();
		assertThat(javaVersion).contains("openjdk version \"17.")
			.as("Heroku's heap for a standard-1x JVM dyno")
			.contains("Picked up JAVA_TOOL_OPTIONS: -Xmx300m");

		String image = slipway.adminApi().get("/api/apps/" + app + "/builds").json().get(0).get("image").asString();
		String slug = DockerCli.run("run", "--rm", "--entrypoint", "/bin/sh", image, "-c",
				"echo home=$HOME pwd=$(pwd); ls -A /app; ls /app/target; ls -d /cache /root/.m2 2>&1; command -v javac || echo no-javac");
		assertThat(slug).contains("home=/app pwd=/app")
			.contains("pom.xml")
			.contains("hello-boot-1.0.0-SNAPSHOT.jar")
			.contains("no-javac")
			.doesNotContain(".m2\n");
		assertThat(slug).contains("ls: cannot access '/cache'");

		project.write("Procfile", "web: java -Dserver.port=$PORT -jar target/hello-boot-1.0.0-SNAPSHOT.jar\n")
			.commit("Procfile as on Heroku");
		GitProject.Push withProcfile = project.push(slipway, app, slipway.adminToken());
		assertThat(withProcfile.succeeded()).as(withProcfile.toString()).isTrue();
		assertThat(withProcfile.output()).contains("Process types: web");
		assertThat(RouterClient.get(app).body()).contains("boot java=17 database=");

		project.replace("pom.xml", "  <dependencies>\n", """
				  <dependencies>
				    <dependency>
				      <groupId>org.apache.commons</groupId>
				      <artifactId>commons-lang3</artifactId>
				    </dependency>
				""").commit("One more dependency");
		GitProject.Push changed = project.push(slipway, app, slipway.adminToken());
		assertThat(changed.succeeded()).as(changed.toString()).isTrue();
		assertThat(changed.output()).contains("Restoring the dependency cache of an earlier build")
			.contains("Saving the dependency cache for the next build");
		assertThat(RouterClient.get(app).body()).contains("boot java=17 database=");
	}

}
