package dev.slipway.addons;

import java.time.Duration;
import java.util.List;

import dev.slipway.apps.AppDeleted;
import dev.slipway.apps.AppLocks;
import dev.slipway.apps.AppService;
import dev.slipway.config.ConfigService;
import dev.slipway.identity.UserAccounts;
import dev.slipway.runtime.AppNetworks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A deleted app's databases are read in the deleting transaction and dropped only once it commits;
 * what a crash left behind is dropped at the next start.
 */
class AddonServiceDeletionTest {

	private final Addons addons = mock(Addons.class);

	private final AddonServer server = mock(AddonServer.class);

	private final AppNetworks networks = mock(AppNetworks.class);

	private final AddonService service = new AddonService(addons, server, mock(ConfigService.class), networks,
			mock(AppService.class), mock(AppLocks.class), new AddonSettings(20, Duration.ofSeconds(60), 5, 500),
			mock(UserAccounts.class));

	@BeforeEach
	void deletedAppHasADatabase() {
		when(addons.findByAppIdOrderByCreatedAt(7L))
			.thenReturn(List.of(new Addon(7L, "DATABASE", "postgresql", "DATABASE_URL", "app_db", "app_role", "secret")));
		when(networks.name("shop")).thenReturn("slipway-app-shop");
	}

	@Test
	void dropsTheDatabasesAfterTheDeletionCommits() {
		inTransaction(() -> {
			service.appDeleted(new AppDeleted(7L, "shop"));
			verify(server, never()).execute(any(String[].class));

			TransactionSynchronizationUtils.triggerAfterCommit();
		});

		verify(server).execute("DROP DATABASE IF EXISTS \"app_db\" WITH (FORCE)", "DROP ROLE IF EXISTS \"app_role\"");
		verify(server).leave("slipway-app-shop");
	}

	@Test
	void keepsThemWhenTheDeletionRollsBack() {
		inTransaction(() -> {
			service.appDeleted(new AppDeleted(7L, "shop"));

			TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
		});

		verify(server, never()).execute(any(String[].class));
		verify(server, never()).leave(any());
	}

	@Test
	void leavesTheServerAloneForAnAppWithoutAddons() {
		inTransaction(() -> {
			service.appDeleted(new AppDeleted(8L, "blog"));

			TransactionSynchronizationUtils.triggerAfterCommit();
		});

		verify(server, never()).execute(any(String[].class));
		verify(server, never()).leave(any());
	}

	@Test
	void dropsAtStartWhatADeletionThatCrashedAfterItsCommitLeft() {
		Addon kept = new Addon(7L, "DATABASE", "postgresql", "DATABASE_URL", "addon_kept", "addon_kept", "secret");
		when(addons.findAllByOrderByAppId()).thenReturn(List.of(kept));
		when(server.exists()).thenReturn(true);
		when(server.names(startsWith("select datname"))).thenReturn(List.of("addon_kept", "addon_left"));
		when(server.names(startsWith("select rolname"))).thenReturn(List.of("addon_kept", "addon_left"));

		service.settleAddonServer();

		verify(server).execute("DROP DATABASE IF EXISTS \"addon_left\" WITH (FORCE)", "DROP ROLE IF EXISTS \"addon_left\"");
		verify(server, never()).execute(argThat((String[] statements) -> List.of(statements).stream()
			.anyMatch(sql -> sql.startsWith("DROP") && sql.contains("addon_kept"))));
	}

	@Test
	void leavesAServerNeverStartedAlone() {
		service.settleAddonServer();

		verify(server, never()).names(any());
		verify(server, never()).execute(any(String[].class));
	}

	/** On the test's own thread: JUnit may run a test on another thread than its set-up. */
	private static void inTransaction(Runnable work) {
		TransactionSynchronizationManager.initSynchronization();
		try {
			work.run();
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

}
