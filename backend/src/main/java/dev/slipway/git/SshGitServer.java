package dev.slipway.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import dev.slipway.apps.AppService;
import dev.slipway.identity.SshKeyService;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.instance.InstanceSettings;
import dev.slipway.instance.OwnerOnly;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Slipway's SSH server (Apache MINA SSHD), a second way to push: users sign in with a public key
 * they added (nothing else, no password), and may run only git's receive-pack and upload-pack on
 * the repositories of apps they may push to. Off unless {@code slipway.ssh.port} is set.
 */
@Component
class SshGitServer implements SmartLifecycle {

	/** Who a session signed in as, set by the public key check. */
	static final AttributeKey<UserPrincipal> USER = new AttributeKey<>();

	private static final Logger log = LoggerFactory.getLogger(SshGitServer.class);

	private final SshSettings settings;

	private final InstanceSettings instance;

	private final SshKeyService keys;

	private final AppService apps;

	private final AppRepositories repositories;

	private final RepositoryLimits limits;

	private final AppReceivePacks receivePacks;

	private SshServer server;

	SshGitServer(SshSettings settings, InstanceSettings instance, SshKeyService keys, AppService apps,
			AppRepositories repositories, RepositoryLimits limits, AppReceivePacks receivePacks) {
		this.settings = settings;
		this.instance = instance;
		this.keys = keys;
		this.apps = apps;
		this.repositories = repositories;
		this.limits = limits;
		this.receivePacks = receivePacks;
	}

	@Override
	public synchronized void start() {
		if (settings.port() == 0) {
			return;
		}
		SshServer ssh = SshServer.setUpDefaultServer();
		ssh.setPort(settings.port());
		// git runs one command per connection, ssh's connection sharing (ControlMaster) a few; each takes a thread.
		CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(ssh, 10);
		SimpleGeneratorHostKeyProvider hostKey = hostKey(instance.dataFile("ssh_host_key"));
		ssh.setKeyPairProvider(hostKey);
		ssh.setPublickeyAuthenticator((username, key, session) -> keys.authenticate(key).map(user -> {
			session.setAttribute(USER, user);
			return true;
		}).orElse(false));
		ssh.setPasswordAuthenticator(null);
		ssh.setKeyboardInteractiveAuthenticator(null);
		ssh.setCommandFactory((channel, command) -> new SshGitCommand(command, apps, repositories, limits, receivePacks));
		try {
			ssh.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the SSH server on port " + settings.port()
					+ " (slipway.ssh.port, SLIPWAY_SSH_PORT): " + ex.getMessage()
					+ ". Free the port or choose another, or set 0 for no SSH server.", ex);
		}
		server = ssh;
		// What users compare with what ssh shows them on their first push.
		log.info("Git over SSH on port {}, host key {}", settings.port(),
				KeyUtils.getFingerPrint(hostKey.loadKeys(null).iterator().next().getPublic()));
	}

	/** The host key, made on first start and kept, so clients that trusted it once keep trusting it. */
	private static SimpleGeneratorHostKeyProvider hostKey(Path file) {
		SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(file);
		provider.setAlgorithm(KeyUtils.EC_ALGORITHM);
		provider.setKeySize(256);
		// Made now rather than on the first connection, so the file is there to tighten.
		provider.loadKeys(null);
		OwnerOnly.tighten(file);
		return provider;
	}

	@Override
	public synchronized void stop() {
		if (server != null) {
			try {
				server.stop(true);
			}
			catch (IOException ex) {
				log.warn("Stopping the SSH server failed: {}", ex.getMessage());
			}
			server = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return server != null;
	}

}
