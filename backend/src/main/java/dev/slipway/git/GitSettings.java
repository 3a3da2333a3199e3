package dev.slipway.git;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of git pushes: the largest pack and object accepted, the largest an app's repository may grow,
 * and how many branches and tags besides the deploy branch it may keep. How long a push waits for
 * another change to the same app ({@code slipway.git.queue-timeout}) is {@link dev.slipway.apps.AppLocks}'s.
 */
@ConfigurationProperties("slipway.git")
record GitSettings(@DefaultValue("500MB") DataSize maxPackSize, @DefaultValue("100MB") DataSize maxObjectSize,
		@DefaultValue("1GB") DataSize maxRepositorySize, @DefaultValue("100") int maxRefs) {
}
