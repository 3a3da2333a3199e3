package dev.slipway.hostile;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second user's dyno and build try to open a TCP connection to the control plane's database at
 * every address it has: its address on each of its networks, and its published port on the
 * gateway of each of those networks, of Docker's default bridge and of the prober's own network.
 * Each attempt fails; the same probe reaches Slipway's own port on the prober's gateway, so a probe
 * that could not connect to anything would fail the test.
 */
class DatabaseReachAttackIT {

	static SlipwayUnderTest slipway;

	static String app;

	static Http attacker;

	static String attackerToken;

	static GitProject project;

	@BeforeAll
	static void deployAttackerApp() {
		slipway = SlipwayUnderTest.shared();
		String email = "db-prober-" + UUID.randomUUID().toString().substring(0, 6) + "@slipway.test";
		slipway.adminApi().post("/api/users", Map.of("email", email, "password", "prober-password"));
		attackerToken = Http.basic(slipway.baseUrl(), email, "prober-password")
			.post("/api/tokens", Map.of("name", "git"))
			.json()
			.get("token")
			.asString();
		attacker = Http.api(slipway.baseUrl(), attackerToken);
		app = "db-prober-" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(attacker.post("/api/apps", Map.of("name", app)).status()).isEqualTo(201);
		project = GitProject.sample("dockerfile");
		assertThat(project.push(slipway, app, attackerToken).succeeded()).isTrue();
	}

	@Test
	void aDynoCannotConnectToTheControlPlaneDatabase() {
		String dyno = DockerCli.run("ps", "-q", "--filter", "label=dev.slipway.app=" + app).strip().lines().findFirst().orElseThrow();
		String gateway = DockerCli.run("inspect", "--format", "{{range .NetworkSettings.Networks}}{{.Gateway}}{{end}}", dyno)
			.strip();
		Http.Response run = attacker.post("/api/apps/" + app + "/dynos", Map.of("command", probe(gateway), "attach", true));
		assertThat(run.status()).as(run.toString()).isEqualTo(200);
		assertProbed(run.body(), gateway);
	}

	@Test
	void aBuildCannotConnectToTheControlPlaneDatabase() {
		String gateway = DockerCli.run("network", "inspect", "--format", "{{(index .IPAM.Config 0).Gateway}}",
				SlipwayUnderTest.INSTANCE + "-builds").strip();
		project.write("Dockerfile", "FROM slipway/stack:trixie\nRUN echo " + UUID.randomUUID() + "; " + probe(gateway)
					+ "\nCOPY --chown=app:app . /app\nUSER app\nCMD [\"/app/server.sh\"]\n")
			.commit("probe");
		GitProject.Push push = project.push(slipway, app, attackerToken);
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		assertProbed(push.output(), gateway);
	}

	/** Every address the database is reachable at from the host: its networks' and their gateways' with the published port. */
	private static Set<String> databaseAddresses(String proberGateway) {
		String container = slipway.databaseContainer();
		String published = DockerCli.run("inspect", "--format",
				"{{(index (index .HostConfig.PortBindings \"5432/tcp\") 0).HostPort}}", container).strip();
		Set<String> addresses = new LinkedHashSet<>();
		for (String network : DockerCli.run("inspect", "--format",
				"{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.Gateway}}\n{{end}}", container).strip().split("\n")) {
			String[] ipAndGateway = network.strip().split(" ");
			addresses.add(ipAndGateway[0] + ":5432");
			addresses.add(ipAndGateway[1] + ":" + published);
		}
		String defaultBridge = DockerCli.run("network", "inspect", "--format", "{{(index .IPAM.Config 0).Gateway}}", "bridge").strip();
		addresses.add(defaultBridge + ":" + published);
		addresses.add(proberGateway + ":" + published);
		return addresses;
	}

	/** A shell loop that prints {@code probe <address> open} or {@code closed} for Slipway's port and each database address. */
	private static String probe(String gateway) {
		List<String> targets = new ArrayList<>();
		targets.add(controlTarget(gateway));
		targets.addAll(databaseAddresses(gateway));
		return "for t in " + String.join(" ", targets) + "; do if timeout 3 bash -c \"exec 3<>/dev/tcp/${t%:*}/${t##*:}\" "
				+ "2>/dev/null; then echo \"probe $t open\"; else echo \"probe $t closed\"; fi; done";
	}

	private static String controlTarget(String gateway) {
		return gateway + ":" + URI.create(slipway.baseUrl()).getPort();
	}

	private static void assertProbed(String output, String gateway) {
		assertThat(output).as("the probe reaches Slipway's own port").contains("probe " + controlTarget(gateway) + " open");
		Set<String> addresses = databaseAddresses(gateway);
		assertThat(addresses).hasSizeGreaterThanOrEqualTo(3).noneMatch(address -> address.startsWith(":"));
		for (String address : addresses) {
			assertThat(output).as(output).contains("probe " + address + " closed").doesNotContain("probe " + address + " open");
		}
	}

}
