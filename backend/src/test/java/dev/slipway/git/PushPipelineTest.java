package dev.slipway.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.slipway.addons.AddonService;
import dev.slipway.apps.App;
import dev.slipway.apps.AppLocks;
import dev.slipway.apps.AppService;
import dev.slipway.builds.Build;
import dev.slipway.builds.BuildStatus;
import dev.slipway.builds.FakeAppBuilder;
import dev.slipway.config.ConfigService;
import dev.slipway.config.ConfigWithoutDatabase;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.progress.RecordingProgress;
import dev.slipway.releases.Release;
import dev.slipway.releases.ReleaseService;
import dev.slipway.releases.ReleaseStatus;
import dev.slipway.releases.ReleasesWithoutDocker;
import dev.slipway.runtime.Dyno;
import dev.slipway.runtime.FakeDynoRuntime;
import dev.slipway.runtime.Formation;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * One push end to end without Docker or a database, as {@link AppGitServlet}'s pre-receive hook runs it:
 * a commit in a real (in-memory) git repository goes through {@link PushPipeline} to a build
 * ({@link FakeAppBuilder}), app.json's first-deploy config, a release rolled out through the runtime's
 * SPI ({@link FakeDynoRuntime}) and the branch update. Releases and config vars are the real services
 * on in-memory repositories.
 */
class PushPipelineTest {

	private static final String BRANCH = "refs/heads/main";

	private final App app = app();

	private final UserPrincipal user = user();

	private final List<Object> events = new ArrayList<>();

	private final AppLocks locks = new AppLocks(Duration.ofSeconds(5));

	private final FakeDynoRuntime runtime = new FakeDynoRuntime();

	private final ReleaseService releases = ReleasesWithoutDocker.service(runtime, events::add, locks);

	// Apps are looked up only when Slipway recovers config changes at start, which no push does.
	private final ConfigService config = ConfigWithoutDatabase.service(releases, Mockito.mock(AppService.class),
			events::add, locks);

	// The app.json files here ask for no add-on, so the add-on service (Postgres in Docker) is never reached.
	private final AddonService addons = Mockito.mock(AddonService.class);

	private final FakeAppBuilder builder = new FakeAppBuilder();

	private final PushPipeline pipeline = new PushPipeline(builder, releases, config,
			new FirstDeploy(config, addons, runtime), locks);

	private final Repository repository = new InMemoryRepository(new DfsRepositoryDescription("my-app"));

	@Test
	void aFirstPushIsBuiltReleasedAndMovesTheBranch() throws IOException {
		ObjectId commit = commit(null, Map.of("Procfile", "web: serve\nworker: work\n", "app.json", """
				{"env": {"GREETING": {"value": "hello"}}, "formation": {"worker": {"quantity": 2}}}"""));
		RecordingProgress push = new RecordingProgress();

		boolean deployed = push(ObjectId.zeroId(), commit, push);

		assertThat(deployed).isTrue();
		assertThat(push.lines()).containsSubsequence(
				"-----> Building my-app from commit " + commit.abbreviate(7).name() + " (fake)",
				"-----> Build succeeded", "-----> Setting config vars from app.json: GREETING",
				"-----> Released v1 to the fake runtime", "-----> Released v1");
		assertThat(releases.current(app)).get().satisfies(release -> {
			assertThat(release.version()).isEqualTo(1);
			assertThat(release.status()).isEqualTo(ReleaseStatus.SUCCEEDED);
			assertThat(release.imageTag()).isEqualTo("slipway-app/my-app:build-1");
			assertThat(release.config()).containsEntry("GREETING", "hello");
		});
		assertThat(runtime.formation(app)).extracting(Formation::processType, Formation::quantity)
			.containsExactly(tuple("web", 1), tuple("worker", 2));
		assertThat(runtime.dynos(app)).extracting(Dyno::name, Dyno::release)
			.containsExactly(tuple("web.1", 1), tuple("worker.1", 1), tuple("worker.2", 1));
		assertThat(branch()).isEqualTo(commit);
		assertThat(builder.recording()).as("the build's recording is closed after the release").isFalse();
		Mockito.verifyNoInteractions(addons);
	}

	@Test
	void aFailedBuildLeavesTheBranchWhereItWasAndReleasesNothing() throws IOException {
		builder.failWith("The build failed: the Dockerfile has no FROM line");
		ObjectId commit = commit(null, Map.of("Procfile", "web: serve\n"));
		RecordingProgress push = new RecordingProgress();

		boolean deployed = push(ObjectId.zeroId(), commit, push);

		assertThat(deployed).isFalse();
		assertThat(push.lines()).endsWith(" !     The build failed: the Dockerfile has no FROM line");
		assertThat(builder.builds()).extracting(Build::status).containsExactly(BuildStatus.FAILED);
		assertThat(releases.recent(app, 10)).isEmpty();
		assertThat(runtime.dynos(app)).isEmpty();
		assertThat(branch()).isNull();
		assertThat(builder.recording()).isFalse();
	}

	@Test
	void aFailingReleasePhaseKeepsTheRunningReleaseAndTheBranch() throws IOException {
		ObjectId first = commit(null, Map.of("Procfile", "web: serve\n"));
		assertThat(push(ObjectId.zeroId(), first, new RecordingProgress())).isTrue();
		ObjectId second = commit(first, Map.of("Procfile", "web: serve\nrelease: exit 3\n"));
		RecordingProgress push = new RecordingProgress();

		boolean deployed = push(first, second, push);

		assertThat(deployed).isFalse();
		assertThat(push.text()).contains("-----> Build succeeded", "v2 was not deployed; what ran before keeps running.")
			.doesNotContain("Released v2");
		assertThat(releases.recent(app, 10)).extracting(Release::version, Release::status)
			.containsExactly(tuple(2, ReleaseStatus.FAILED), tuple(1, ReleaseStatus.SUCCEEDED));
		assertThat(releases.current(app)).get().extracting(Release::version).isEqualTo(1);
		assertThat(runtime.dynos(app)).extracting(Dyno::name, Dyno::release).containsExactly(tuple("web.1", 1));
		assertThat(branch()).isEqualTo(first);
	}

	/** Pushes {@code newId} to the branch the way the pre-receive hook hands it to the pipeline. */
	private boolean push(ObjectId oldId, ObjectId newId, RecordingProgress push) {
		ReceivePack receivePack = new ReceivePack(repository);
		receivePack.setRefLogIdent(new PersonIdent(user.email(), user.email()));
		return pipeline.deploy(app, user, receivePack, new ReceiveCommand(oldId, newId, BRANCH), push);
	}

	private ObjectId branch() throws IOException {
		Ref ref = repository.exactRef(BRANCH);
		return ref == null ? null : ref.getObjectId();
	}

	/** A commit of {@code files} (at the root), on top of {@code parent} if any, not on any branch yet. */
	private ObjectId commit(ObjectId parent, Map<String, String> files) throws IOException {
		try (ObjectInserter inserter = repository.newObjectInserter()) {
			TreeFormatter tree = new TreeFormatter();
			// Git orders a tree's entries by name.
			for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
				tree.append(file.getKey(), FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB,
						file.getValue().getBytes(StandardCharsets.UTF_8)));
			}
			CommitBuilder commit = new CommitBuilder();
			commit.setTreeId(inserter.insert(tree));
			if (parent != null) {
				commit.setParentId(parent);
			}
			PersonIdent author = new PersonIdent("Dev", "dev@example.com");
			commit.setAuthor(author);
			commit.setCommitter(author);
			commit.setMessage("Deploy");
			ObjectId id = inserter.insert(commit);
			inserter.flush();
			return id;
		}
	}

	private static App app() {
		App app = Mockito.mock(App.class);
		Mockito.when(app.id()).thenReturn(1L);
		Mockito.when(app.name()).thenReturn("my-app");
		return app;
	}

	private static UserPrincipal user() {
		UserPrincipal user = Mockito.mock(UserPrincipal.class);
		Mockito.when(user.email()).thenReturn("dev@example.com");
		return user;
	}

}
