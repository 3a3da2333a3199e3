package dev.slipway.git;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Git over SSH: the port Slipway's SSH server listens on, 0 for no SSH server. Its host key is made on
 * first start and kept in the data directory as {@code ssh_host_key}.
 */
@ConfigurationProperties("slipway.ssh")
record SshSettings(@DefaultValue("0") int port) {

	SshSettings {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("slipway.ssh.port must be a TCP port (1 to 65535), or 0 for no SSH server; was " + port);
		}
	}

}
